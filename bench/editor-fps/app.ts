import { buildApp, distDir } from '../../harness/app'
/** Builds into NEXT_DIST_DIR unless a build is there already (BENCH_REBUILD=1 forces one). */
export function ensureBuild(): string {
  buildApp({ reuse: process.env.BENCH_REBUILD !== '1' })
  return distDir()
}

export { startApp, type RunningApp } from '../../harness/app'
