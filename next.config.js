/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel test runs build without clobbering a running server.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or wasm parts stay out of the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@node-rs/argon2', '@argdown/core'],
}

export default nextConfig
