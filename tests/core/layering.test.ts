import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, test } from 'vitest'

/**
 * The layering rules of CONTRIBUTING.md live in eslint.config.js and run over the whole tree in
 * `npm run check`. These probes show each rule bites: a forbidden import in each layer is reported,
 * and the allowed imports beside it are not. Probes are linted as text at a path inside the layer,
 * so nothing is written to the tree.
 */
const root = path.resolve(import.meta.dirname, '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('layering', () => {
  test.each([
    ['components/probe.ts', "import { env } from '@/server/env'\nexport const x = env"],
    ['components/map/probe.ts', "import { env } from '../../server/env'\nexport const x = env"],
    [
      'components/probe.ts',
      "import { PrismaClient } from '@/server/db/generated/client'\nexport const x = PrismaClient",
    ],
    ['app/probe.ts', "import { PrismaClient } from '@prisma/client'\nexport const x = PrismaClient"],
    ['app/probe.ts', "import { PrismaClient } from '@/server/db/generated/client'\nexport const x = PrismaClient"],
    ['core/probe.ts', "import { useState } from 'react'\nexport const x = useState"],
    ['core/probe.ts', "import fs from 'node:fs'\nexport const x = fs"],
    ['core/probe.ts', "import { WebSocket } from 'ws'\nexport const x = WebSocket"],
    ['core/graph/probe.ts', "import { env } from '../../server/env'\nexport const x = env"],
    ['core/probe.ts', "import { Canvas } from '@/components/map/Canvas'\nexport const x = Canvas"],
    ['server/probe.ts', "import { Canvas } from '@/components/map/Canvas'\nexport const x = Canvas"],
  ])('%s may not import what line 1 of this probe imports', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  test.each([
    ['components/probe.ts', "import { newId } from '@/core/graph'\nexport const x = newId"],
    ['components/probe.ts', "import { copyMapAction } from '@/app/actions'\nexport const x = copyMapAction"],
    ['app/probe.ts', "import { env } from '@/server/env'\nexport const x = env"],
    ['server/probe.ts', "import { newId } from '../core/graph'\nexport const x = newId"],
    ['core/probe.ts', "import * as Y from 'yjs'\nexport const x = Y"],
  ])('%s may import what line 1 of this probe imports', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
