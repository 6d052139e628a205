import os from 'node:os'
import { createAccounts } from '@/server/auth/accounts'
import { SESSION_COOKIE, createSessions } from '@/server/auth/sessions'
import { buildApp, startApp } from '@/harness/app'
import { freshSqliteDb } from '@/harness/db'
import { aifCorpusText } from './corpus'
import { markdownTable, median } from '../lib/report'

/** AIF nodes in a file just under the 5 MB import limit, in the bench's shape. */
const FIVE_MB_NODES = 17_000

/**
 * A 5 MB AIF import over HTTP, as the upload form sends it, against the app
 * as `npm start` runs it, beside a baseline request of the same size that the
 * route refuses right after reading its body (an unknown format): the
 * difference is what importing costs on top of moving the bytes. Target: the
 * import completes in under 2 s.
 */
export async function measureHttpImport(runs = 5): Promise<void> {
  buildApp({ reuse: true })
  const database = freshSqliteDb()
  const app = await startApp(database.url, { SEED_ON_START: 'false' })
  try {
    const signed = await createAccounts(database.db).signUp({
      email: 'bench@example.org',
      password: 'bench-password-1',
      name: 'Bench',
    })
    if (!signed.ok) throw new Error(`could not create the bench account: ${signed.error}`)
    const { token } = await createSessions(database.db).create(signed.user.id)
    const text = aifCorpusText(FIVE_MB_NODES)
    const post = async (format: string) => {
      const t0 = performance.now()
      const res = await fetch(`${app.url}/api/maps/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.url, cookie: `${SESSION_COOKIE}=${token}` },
        body: JSON.stringify({ format, text }),
      })
      await res.arrayBuffer()
      return { ms: performance.now() - t0, status: res.status }
    }
    const imports: number[] = []
    const baselines: number[] = []
    for (let i = 0; i < runs; i++) {
      const b = await post('not-a-format')
      if (b.status !== 400) throw new Error(`baseline request answered ${b.status}`)
      const r = await post('aif')
      if (r.status !== 200) throw new Error(`import answered ${r.status}`)
      baselines.push(b.ms)
      imports.push(r.ms)
    }
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
    console.log(
      markdownTable(
        ['request (MB)', 'same-size refused request ms', '5 MB AIF import ms (target < 2000)', 'ratio'],
        [
          [
            (text.length / 1e6).toFixed(2),
            median(baselines).toFixed(0),
            median(imports).toFixed(0),
            (median(imports) / median(baselines)).toFixed(1),
          ],
        ],
      ),
    )
  } finally {
    await app.stop()
    await database.dispose()
  }
}
