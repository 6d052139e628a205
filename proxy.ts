import { NextResponse, type NextRequest } from 'next/server'
import { publishedCacheControl } from './server/publishing/cacheControl'

/**
 * Security headers on every page: a per-request nonce CSP (Next streams
 * inline bootstrap scripts, which only a nonce can allow without
 * 'unsafe-inline'), no framing except for /embed, no sniffing, no referrer
 * leaks. React Flow positions nodes with style attributes, so styles allow
 * inline; scripts never do.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID())
  const dev = process.env.NODE_ENV !== 'production'
  const embeddable = request.nextUrl.pathname.startsWith('/embed/')
  const csp = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors ${embeddable ? '*' : "'none'"}`,
  ].join('; ')

  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('content-security-policy', csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('content-security-policy', csp)
  response.headers.set('x-content-type-options', 'nosniff')
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin')
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()')
  response.headers.set('cross-origin-opener-policy', 'same-origin')
  if (!embeddable) response.headers.set('x-frame-options', 'DENY')
  // Published pages are the same for every reader; Next keeps a Cache-Control set here.
  const cacheControl = publishedCacheControl(request.nextUrl.pathname)
  if (cacheControl) response.headers.set('cache-control', cacheControl)
  return response
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
}
