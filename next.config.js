import fs from 'node:fs'

// Next rewrites the tsconfig it builds with (adding its build folder's types);
// give it a generated one of its own so parallel builds into different
// NEXT_DIST_DIR folders don't keep editing the project's tsconfig.json.
const NEXT_TSCONFIG = 'tsconfig.next.json'
if (!fs.existsSync(NEXT_TSCONFIG)) {
  fs.writeFileSync(NEXT_TSCONFIG, JSON.stringify({ extends: './tsconfig.json' }, null, 2) + '\n')
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel test runs build without clobbering a running server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // The build fails on a type error: a tree whose tests were skipped must not ship one. It costs the
  // build one typecheck, which `npm run check` has already paid for; the safety is worth it.
  typescript: { tsconfigPath: NEXT_TSCONFIG },
  poweredByHeader: false,
  // Metadata in the <head> from the start for everyone, not streamed in later: a map's
  // title is what a screen reader announces and what the tab shows, and it costs the
  // same lookups as the page itself.
  htmlLimitedBots: /.*/,
  // Server-only packages with native or wasm parts stay out of the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@node-rs/argon2', '@argdown/core'],
}

export default nextConfig
