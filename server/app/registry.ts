import type { Services } from './services'

/**
 * What route code may reach. Routes run in Next's process ([SY11]), apart from the sync process
 * that owns the database and the live rooms: each call crosses a channel as plain data and bytes
 * (structured clone), never a Y.Doc, a database client or a function ([SY9]).
 */
export const ROUTE_SERVICE_NAMES = [
  'access',
  'accounts',
  'anonymity',
  'classes',
  'comments',
  'history',
  'maps',
  'phases',
  'publishing',
  'sessions',
] as const

export type RouteServiceName = (typeof ROUTE_SERVICE_NAMES)[number]

/** A service seen across the channel: every method answers asynchronously, whatever it does at home. */
export type Remote<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never
}

/** Values copied once when Next starts: they never change while the app runs. */
export interface RouteConstants {
  env: Services['env']
  secret: Services['secret']
}

export type RouteServices = RouteConstants & { [K in RouteServiceName]: Remote<Services[K]> }

/** How one call reaches the service that answers it: directly in one process, or over the channel. */
export type CallService = (service: RouteServiceName, method: string, args: unknown[]) => Promise<unknown>

/** Each service's method names, sent to Next's process so it can build the same objects there. */
export type ServiceManifest = Record<RouteServiceName, string[]>

export function serviceManifest(services: Services): ServiceManifest {
  const manifest = {} as ServiceManifest
  for (const name of ROUTE_SERVICE_NAMES) {
    const service = services[name] as unknown as Record<string, unknown>
    manifest[name] = Object.keys(service).filter((key) => typeof service[key] === 'function')
  }
  return manifest
}

/** Route services whose every method goes through `call`; only the methods in the manifest exist. */
export function routeServicesFrom(
  constants: RouteConstants,
  manifest: ServiceManifest,
  call: CallService,
): RouteServices {
  const out: Record<string, unknown> = { ...constants }
  for (const name of ROUTE_SERVICE_NAMES) {
    // No prototype: `toString` and friends are not methods of a service.
    const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = Object.create(null)
    for (const method of manifest[name]) methods[method] = (...args) => call(name, method, args)
    out[name] = Object.freeze(methods)
  }
  return Object.freeze(out) as unknown as RouteServices
}

/** Calls a service method of this process by name; refuses anything the manifest does not list. */
export function callLocal(services: Services): CallService {
  // Looked up on every call a page makes: sets, not lists.
  const allowed = new Map(Object.entries(serviceManifest(services)).map(([name, methods]) => [name, new Set(methods)]))
  return async (service, method, args) => {
    if (!allowed.get(service)?.has(method)) throw new Error(`no such service method: ${service}.${method}`)
    const target = services[service] as unknown as Record<string, (...a: unknown[]) => unknown>
    return target[method]!(...args)
  }
}

/** Both sides meet on globalThis: routes call plain functions and never hold a second database client. */
const holder = globalThis as unknown as { __cruxServices?: RouteServices }

export function registerServices(services: RouteServices): void {
  holder.__cruxServices = services
}

/** The in-process form (`npm run dev`): the same asynchronous surface as across the channel. */
export function localRouteServices(services: Services): RouteServices {
  return routeServicesFrom(
    { env: services.env, secret: services.secret },
    serviceManifest(services),
    callLocal(services),
  )
}

export function services(): RouteServices {
  const s = holder.__cruxServices
  if (!s) throw new Error('Crux services are not running: start the app with `npm start` or `npm run dev`')
  return s
}
