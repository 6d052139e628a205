// `npm start`: the production app (Next + websocket server) on the embedded database.
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.NEXT_TELEMETRY_DISABLED = '1'

const { ensureBuild, startCrux, stopOnSignals } = await import('../server/main')
const { loadSeedMapsApart } = await import('../content/loadApart')
ensureBuild()
const app = await startCrux({ dev: false, seeds: loadSeedMapsApart })
stopOnSignals(app.stop, app.stopDeadlineMs)

export {}
