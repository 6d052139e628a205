// The fault harness (outside the test suite): kill -9 cycles on SQLite and on two instances
// (PostgreSQL + Redis), disk-full and lock windows. Figures go to docs/reliability.md.
//   npx tsx bench/faults.ts sqlite-kill 100 | app-kill 10 | pg-kill 20 | disk-full 10 | lock 45 | bus-cost
// sqlite-kill and pg-kill run the sync tier alone (harness/instanceMain.ts) for speed;
// app-kill runs scripts/start.ts (needs a production build).
// The count is cycles for the kill scenarios and the window in seconds for the others.
// Prints one JSON line per cycle and a summary line at the end (`summary`).
import { loadavg } from 'node:os'
import { busCost, pgKill, sqliteKill, type KillCycle } from './faults/kill'
import { summarize } from './faults/probe'
import { diskFullWindow, lockWindow } from './faults/windows'

const [scenario = 'sqlite-kill', countArg] = process.argv.slice(2)
const count = Number(countArg ?? 10)
const print = (x: unknown) => console.log(JSON.stringify(x))

function killSummary(cycles: KillCycle[]) {
  const lostAges = cycles.flatMap((c) => c.lostAges)
  return {
    cycles: cycles.length,
    written: cycles.reduce((n, c) => n + c.written, 0),
    relayed: cycles.reduce((n, c) => n + c.relayed, 0),
    lost: lostAges.length,
    cyclesWithLoss: cycles.filter((c) => c.lostAges.length > 0).length,
    lostAgeMs: summarize(lostAges),
    lostOlderThan100ms: lostAges.filter((a) => a > 100).length,
    restartMs: summarize(cycles.map((c) => c.restartMs)),
    ...(cycles[0]?.onlyOnA !== undefined && {
      writtenAfterCrash: cycles.reduce((n, c) => n + Number(c.writtenAfterCrash), 0),
      onlyOnA: cycles.reduce((n, c) => n + Number(c.onlyOnA), 0),
      onlyOnALostAgeMs: summarize(cycles.flatMap((c) => c.onlyOnALostAges as number[])),
    }),
  }
}

const started = Date.now()
const load = loadavg()
let summary: unknown
if (scenario === 'sqlite-kill') summary = killSummary(await sqliteKill(count, print))
// The whole app (Next included) exactly as `npm start` runs it: restart times as people see them.
else if (scenario === 'app-kill') summary = killSummary(await sqliteKill(count, print, 'scripts/start.ts'))
else if (scenario === 'pg-kill') summary = killSummary(await pgKill(count, print))
else if (scenario === 'lock') summary = await lockWindow(count * 1000)
else if (scenario === 'disk-full') summary = await diskFullWindow(count * 1000)
else if (scenario === 'bus-cost') summary = await busCost()
else throw new Error(`unknown scenario ${scenario}`)
print({
  summary: { scenario, count, ...(summary as object) },
  seconds: Math.round((Date.now() - started) / 1000),
  loadavg: [...load, ...loadavg()].map((x) => x.toFixed(2)),
})
process.exit(0)
