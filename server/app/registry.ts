import type { Services } from './services'

/**
 * Next bundles route code apart from the custom server that owns the
 * database and the live rooms, so both meet here, on globalThis: routes call
 * plain functions and never hold a second database client or Y.Doc copy.
 */
const holder = globalThis as unknown as { __cruxServices?: Services }

export function registerServices(services: Services): void {
  holder.__cruxServices = services
}

export function services(): Services {
  const s = holder.__cruxServices
  if (!s) throw new Error('Crux services are not running: start the app with `npm start` or `npm run dev`')
  return s
}
