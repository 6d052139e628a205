// `npm run db:seed` creates missing seed maps and updates seed maps of an older
// seed version (keeping people's edits as a map of their own); `npm run
// db:reseed` (--restore) writes the current seed content over every seed map,
// edited or not, keeping their addresses.
// Restoring is best done with the app stopped: people editing a seed map at
// that moment keep their open copy until they reload.
import { loadSeedMaps } from '../content/index'
import { createServices } from '../server/app/services'
import { env } from '../server/env'
import { migrate } from '../server/main'
import { seedMaps } from '../server/seed'

const config = env()
await migrate(config.DATABASE_URL)
const services = await createServices(config)
try {
  const outcome = await seedMaps(services, await loadSeedMaps(), {
    restore: process.argv.includes('--restore'),
    publicRole: config.SEED_PUBLIC_ROLE,
  })
  for (const o of outcome) {
    console.log(
      `${o.action.padEnd(8)} ${o.key} -> /maps/${o.id}${o.keptEditsIn ? ` (its edits are kept in /maps/${o.keptEditsIn})` : ''}`,
    )
  }
} finally {
  await services.close()
}
