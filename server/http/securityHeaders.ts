/**
 * Headers every answer carries, whichever process writes it: Next's proxy for pages and routes, or the sync
 * process for what it answers itself ([SY11]). The CSP differs by answer, so it is set by each writer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
}

/** For a JSON answer: it loads nothing and is framed by nobody. */
export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'"
