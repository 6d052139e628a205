import * as Y from 'yjs'
import type { ArgumentMap } from '@/core/graph'
import { readGraph } from '@/core/ydoc'
import { createServices, type ServiceOptions, type Services } from '@/server/app/services'
import { parseEnv } from '@/server/env'
import { freshSqliteDb } from '../../harness/db'

/** The app's real services on a fresh SQLite database, without Next. */
export async function testServices(
  overrides: Record<string, string> = {},
  options: ServiceOptions = {},
): Promise<{ services: Services; dispose(): Promise<void> }> {
  const db = freshSqliteDb()
  const services = await createServices(
    parseEnv({
      DATABASE_URL: db.url,
      PERSIST_DELAY_MS: '5',
      AUTH_SECRET: 'test-secret-that-is-long-enough-for-hs256!',
      ...overrides,
    }),
    options,
  )
  return {
    services,
    async dispose() {
      await services.close()
      await db.dispose()
    },
  }
}

/** A map's content as the server holds it now (live room or store). */
export async function graphOf(services: Services, id: string): Promise<ArgumentMap> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await services.maps.snapshot(id))
  return readGraph(doc)
}
