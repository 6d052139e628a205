import type { Services } from './services'

/**
 * What route code may reach. Next bundles routes apart from the custom server that owns the
 * database and the live rooms, with a Yjs copy of its own ([SY9]); so routes get services that
 * take and return plain data and bytes, and never the sync server, the store or the bus, which
 * hold Y.Docs of the server's copy. A Y object crossing between the two copies would break Yjs'
 * constructor checks; with this type it cannot be reached to cross.
 */
export type RouteServices = Pick<
  Services,
  | 'env'
  | 'access'
  | 'accounts'
  | 'anonymity'
  | 'classes'
  | 'comments'
  | 'history'
  | 'maps'
  | 'phases'
  | 'publishing'
  | 'secret'
  | 'sessions'
>

/** Both sides meet on globalThis: routes call plain functions and never hold a second database client. */
const holder = globalThis as unknown as { __cruxServices?: RouteServices }

export function registerServices(services: Services): void {
  holder.__cruxServices = services
}

export function services(): RouteServices {
  const s = holder.__cruxServices
  if (!s) throw new Error('Crux services are not running: start the app with `npm start` or `npm run dev`')
  return s
}
