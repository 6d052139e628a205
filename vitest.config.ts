import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@': path.resolve(import.meta.dirname) }

// Two projects: fast in-process and real-server tests, and browser end-to-end
// tests that drive Debian's Chromium against a production build.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/{core,server,content}/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup/global.ts'],
          // Generous: CI shares its machine, and runs have been 3x slower than a quiet one.
          // Each browser wait has its own 20 s step timeout (tests/e2e/support/browser.ts),
          // and a poll retries for 10 s, so a stuck step still fails by name.
          testTimeout: 120_000,
          hookTimeout: 240_000,
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
