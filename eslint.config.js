import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// The layering of CONTRIBUTING.md ("Layers, and what each folder may import"), checked on
// resolved paths so that '@/server/x' and '../../server/x' are the same import.
const layering = [
  {
    target: './components',
    from: './server',
    message: 'components/ runs in the browser: call a route or a server action, never server/.',
  },
  // Server actions are the one exception: Next turns an imported 'use server' module into a call over HTTP.
  {
    target: './components',
    from: './app',
    except: ['./actions.ts', './auth-actions.ts', './**/actions.ts'],
    message: 'components/ must not reach back into app/ routes; only server actions may be imported.',
  },
  {
    target: './core',
    from: ['./server', './components', './app', './content'],
    message: 'core/ is pure domain code: it imports only core/.',
  },
  { target: './server', from: ['./components', './app'], message: 'server/ must not import UI or routes.' },
  {
    target: ['./app', './components'],
    from: './server/db/generated',
    message: 'Only server/ talks to Prisma: call a service in server/.',
  },
  {
    target: ['./app', './components'],
    from: './server/db/generated-pg',
    message: 'Only server/ talks to Prisma: call a service in server/.',
  },
]

// Packages that tie code to a framework or a runtime; core/ runs everywhere, so it uses none.
const frameworkPackages = [
  'react',
  'react-dom',
  'next',
  'next/*',
  '@prisma/*',
  'prisma',
  'ws',
  'y-websocket',
  '@y/*',
  '@xyflow/*',
  'ioredis',
  'pg',
  'better-sqlite3',
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'net',
  'crypto',
  'os',
  'child_process',
  'worker_threads',
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.next-*/',
      'server/db/generated/',
      'server/db/generated-pg/',
      'next-env.d.ts',
      'tmp/',
      'data/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layering }],
      // A variable read by a closure before its one assignment (a forward reference) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/*', 'prisma', '**/db/generated*'],
              message: 'app/ never calls Prisma: call a service in server/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworkPackages, message: 'core/ is pure: no framework, database, socket or Node built-in.' },
          ],
        },
      ],
    },
  },
)
