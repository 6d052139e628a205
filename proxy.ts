import { NextResponse, type NextRequest } from 'next/server'
import { publishedCacheControl } from './server/publishing/cacheControl'
import { SECURITY_HEADERS } from './server/http/securityHeaders'

/**
 * Security headers on every page: a per-request nonce CSP (Next streams
 * inline bootstrap scripts, which only a nonce can allow without
 * 'unsafe-inline'), no framing except for /embed, no sniffing, no referrer
 * leaks. React Flow positions nodes with style attributes, so styles allow
 * inline. Published pages are the one exception for scripts: they are the
 * same for every reader and served from Next's page cache, where a
 * per-request nonce cannot live, so they allow this origin's inline
 * bootstrap scripts instead (they hold no session, no form, no socket, and
 * all map text is rendered as text). See docs/security.md.
 */
export function proxy(request: NextRequest) {
  // The benchmarks' baseline pages exist in every build but answer only when a benchmark started the app.
  if (BENCH_PAGE.test(request.nextUrl.pathname) && process.env.CRUX_BENCH_PAGES !== '1') {
    return new NextResponse('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } })
  }
  const nonce = btoa(crypto.randomUUID())
  const dev = process.env.NODE_ENV !== 'production'
  const embeddable = request.nextUrl.pathname.startsWith('/embed/')
  const cacheControl = publishedCacheControl(request.nextUrl.pathname)
  const scripts = cacheControl ? `'self' 'unsafe-inline'` : `'self' 'nonce-${nonce}' 'strict-dynamic'`
  const csp = [
    `default-src 'self'`,
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    // The editor's auto-arrange runs elkjs in a worker loaded from this origin.
    `worker-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors ${embeddable ? '*' : "'none'"}`,
  ].join('; ')

  const requestHeaders = new Headers(request.headers)
  if (!cacheControl) {
    requestHeaders.set('x-nonce', nonce)
    requestHeaders.set('content-security-policy', csp)
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('content-security-policy', csp)
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value)
  if (!embeddable) response.headers.set('x-frame-options', 'DENY')
  // Published pages are the same for every reader; Next keeps a Cache-Control set here.
  if (cacheControl) response.headers.set('cache-control', cacheControl)
  return response
}

const BENCH_PAGE = /^\/bench-(flow|static)(\/|$)/

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
}
