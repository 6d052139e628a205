// Parses the seed maps in a process of its own and sends them back as plain data (see loadSeedMapsApart).
import { loadSeedMaps } from './index'

process.send!(await loadSeedMaps(), () => process.disconnect())
