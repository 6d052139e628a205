// `npm run dev`: Next in development mode plus the websocket server, one port.
process.env.NEXT_TELEMETRY_DISABLED = '1'

const { startCrux, stopOnSignals } = await import('../server/main')
const { loadSeedMaps } = await import('../content/index')
const app = await startCrux({ dev: true, seeds: loadSeedMaps })
stopOnSignals(app.stop, app.stopDeadlineMs)

export {}
