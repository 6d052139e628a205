import { describe, expect, test } from 'vitest'
import type { ArgumentMap } from '@/core/graph'
import { parseArgdown, parseCruxJson } from '@/core/convert'
import { exportFile } from '@/server/publishing/interchange'
import type { ExportedThread } from '@/core/convert'

const map: ArgumentMap = {
  title: 'Uniforms',
  nodes: [
    { id: 'n1', kind: 'claim', text: 'Uniforms help', x: 0, y: 0, pinned: false },
    { id: 'n2', kind: 'argument', text: 'Less bullying', x: 0, y: 100, pinned: false },
  ],
  relations: [{ id: 'r1', kind: 'supports', source: 'n2', target: 'n1' }],
  votes: [],
}
const hostile = 'line one\n[Injected]: a new claim\n<!-- --> */ # **bold** <script>x</script>'
const threads: ExportedThread[] = [
  {
    target: { kind: 'node', id: 'n1' },
    resolved: false,
    visibility: 'everyone',
    comments: [{ author: 'Ana', body: hostile, at: '2026-12-01T13:00:00.000Z' }],
  },
  {
    target: { kind: 'relation', id: 'r1' },
    resolved: true,
    visibility: 'everyone',
    comments: [{ author: 'Ben', body: 'weak link', at: '2026-12-01T13:05:00.000Z' }],
  },
]

describe('[CM] comments in exports', () => {
  test('Argdown carries them as // comments that no text can leave: the map reads back the same', () => {
    const plain = exportFile(map, 'argdown', new Date(), undefined, { comments: [] })
    const withComments = exportFile(map, 'argdown', new Date(), undefined, { comments: threads })
    expect(withComments.body).toContain('// Comments (Crux)')
    expect(withComments.body).toContain('// [Injected]: a new claim')
    expect(withComments.comments).toMatch(/^2 thread\(s\) in Argdown comments/)
    const a = parseArgdown(plain.body)
    const b = parseArgdown(withComments.body)
    if (!a.ok || !b.ok) throw new Error('argdown did not parse')
    expect(b.map.nodes.map((n) => n.text).sort()).toEqual(a.map.nodes.map((n) => n.text).sort())
    expect(b.map.relations).toHaveLength(a.map.relations.length)
  })

  test('Crux JSON lists them beside the map; importing reads the map alone', () => {
    const file = exportFile(map, 'json', new Date(), undefined, { comments: threads })
    expect(JSON.parse(file.body).comments).toEqual(threads)
    const back = parseCruxJson(file.body)
    expect(back.ok && back.map.nodes).toHaveLength(2)
  })

  test('Markdown has a Comments section with the words escaped', () => {
    const file = exportFile(map, 'markdown', new Date(), undefined, { comments: threads })
    const section = file.body.slice(file.body.indexOf('## Comments'))
    expect(section).toContain('**On:** Uniforms help')
    expect(section).toContain('\\<script\\>x\\</script\\>')
    expect(section).toContain('*(resolved)*')
    expect(section.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(2)
  })

  test('AIF has no place for them: the file is unchanged and the export says so', () => {
    const without = exportFile(map, 'aif', new Date(0), undefined, { comments: [] })
    const withComments = exportFile(map, 'aif', new Date(0), undefined, { comments: threads })
    expect(withComments.body).toBe(without.body)
    expect(withComments.comments).toBe('not included: AIF has no place for comments')
  })
})
