import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { idFromTitle, parseArgdown, relationId, serializeArgdown } from '@/core/convert/argdown'
import { ArgumentMapSchema, problems } from '@/core/graph'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/argdown', name), 'utf8')

describe('parseArgdown', () => {
  test('[AD3] the golden file parses to the reviewed map', () => {
    const result = parseArgdown(fixture('golden.argdown'))
    expect(result).toMatchObject({ ok: true, map: JSON.parse(fixture('golden.json')) })
    // The heading and the linked premises are reported, as notes that lose nothing of the map.
    expect(result.ok && result.warnings.map((w) => [w.line, w.note])).toEqual([
      [5, 'layout'],
      [8, 'drawing'],
    ])
    if (result.ok) expect(problems(result.map)).toEqual([])
  })

  test('[AD4] ids come from titles: s- for statements, a- for arguments, hashed when no slug fits', () => {
    expect(idFromTitle('s-', 'No security without Belarus')).toBe('s-no-security-without-belarus')
    expect(idFromTitle('a-', 'Balcony')).toBe('a-balcony')
    expect(idFromTitle('s-', 'Беларусь')).toMatch(/^s-[a-z0-9]{8}$/)
    const long = idFromTitle('s-', 'word '.repeat(40))
    expect(long.length).toBeLessThanOrEqual(64)
    expect(long).not.toBe(idFromTitle('s-', 'word '.repeat(41)))
  })

  test('[AD4] the same title in two documents resolves to the same id', () => {
    const a = parseArgdown('[Shared claim]: One text.\n\n[A]: x\n  +> [Shared claim]\n')
    const b = parseArgdown('[Shared claim]: One text.\n\n[B]: y\n  -> [Shared claim]\n')
    if (!a.ok || !b.ok) throw new Error('fixtures must parse')
    const idsA = new Set(a.map.nodes.map((n) => n.id))
    expect(b.map.nodes.map((n) => n.id).filter((id) => idsA.has(id))).toEqual(['s-shared-claim'])
  })

  test("[AD5] contradiction becomes two attacks; an undercut hits the argument's support of its conclusion", () => {
    const r = parseArgdown('<Arg>: reason\n  +> [C]\n  +> [D]\n\n[C]: c\n  >< [E]: e\n\n[O]: o\n  _> <Arg>\n')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const ids = r.map.relations.map((x) => x.id)
    expect(ids).toContain(relationId('attacks', 's-c', 's-e'))
    expect(ids).toContain(relationId('attacks', 's-e', 's-c'))
    // No premise–conclusion structure: the first support written is the inference.
    expect(r.map.relations).toContainEqual({
      id: relationId('undercuts', 's-o', relationId('supports', 'a-arg', 's-c')),
      kind: 'undercuts',
      source: 's-o',
      target: relationId('supports', 'a-arg', 's-c'),
    })
  })

  test('[AD6] the same title defined with two different texts is a warning', () => {
    const r = parseArgdown('[A]: first\n\n[A]: second\n')
    expect(r.ok && r.warnings.map((w) => [w.line, w.column])).toEqual([[1, 1]])
  })

  test('[AD6] empty input is an empty map, not an error', () => {
    expect(parseArgdown('  \n')).toEqual({
      ok: true,
      map: { title: 'Imported map', nodes: [], relations: [], votes: [] },
      warnings: [],
    })
  })

  test('[AD6] front matter sets the title but cannot reconfigure the parser', () => {
    const r = parseArgdown(
      '===\ntitle: Mine\nprocess: [export-html]\nmodel: {removeTagsFromText: true}\n===\n\n[A]: text #tag\n',
    )
    expect(r.ok && r.map.title).toBe('Mine')
    // With front matter applied as settings, removeTagsFromText would cut "#tag".
    expect(r.ok && r.map.nodes[0]?.text).toBe('text #tag')
  })

  test('[AD7] what @argdown/core itself rejects fails at its line and column and yields no map', () => {
    const result = parseArgdown(fixture('missing-text.argdown'))
    expect(result.ok).toBe(false)
    expect(result).not.toHaveProperty('map')
    if (result.ok) return
    expect(result.errors[0]).toMatchObject({ line: 3, column: 10 })
    expect(result.errors[0]!.message).toMatch(/Missing text content/)
  })

  test.each([
    ['broken-yaml.argdown', 6, 54, /invalid YAML data ignored/, 2, 1],
    ['undercut-statement.argdown', 4, 1, /a statement has no inference to undercut; imported as an attack/, 2, 1],
    ['unknown-kind.argdown', 1, 1, /data kind ignored/, 1, 0],
    ['self-attack.argdown', 2, 1, /to itself; left out/, 1, 0],
    ['undercut-without-support.argdown', 4, 1, /<Lonely> supports nothing.*imported as an attack on it/, 2, 1],
    ['duplicate-id.argdown', 3, 1, /already used at line 1; imported as "s-foo-bar-2"/, 2, 0],
    ['inverted-offsets.argdown', 1, 1, /start and end ignored/, 1, 0],
    ['undercut-missing-support.argdown', 4, 1, /no support from s-a to s-c; left out/, 3, 1],
  ])(
    '[AD9] %s, which @argdown/core accepts, imports with a warning at line %i, column %i',
    (file, line, column, message, nodes, relations) => {
      const result = parseArgdown(fixture(file))
      if (!result.ok) throw new Error(JSON.stringify(result.errors))
      expect(result.warnings).toHaveLength(1)
      expect(result.warnings[0]).toMatchObject({ line, column })
      expect(result.warnings[0]!.message).toMatch(message)
      expect([result.map.nodes.length, result.map.relations.length]).toEqual([nodes, relations])
      expect(problems(result.map)).toEqual([])
    },
  )

  test("[AD9] Argdown's own spec input (undercuts of an argument that supports nothing) imports as two attacks", () => {
    const r = parseArgdown('[A]: A\n  _> <B>\n\n<B>\n  <_ [D]\n')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.map.relations.map((x) => `${x.kind} ${x.source} ${x.target}`).sort()).toEqual([
      'attacks s-a a-b',
      'attacks s-d a-b',
    ])
    expect(r.warnings.map((w) => [w.line, w.message.includes('imported as an attack')])).toEqual([
      [2, true],
      [5, true],
    ])
  })

  test('[AD9] a text over the limit is cut with a warning that names the node', () => {
    const r = parseArgdown(`[Long one]: ${'word '.repeat(1200)}end\n`)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.map.nodes[0]!.text).toHaveLength(5000)
    expect(r.warnings[0]!.message).toMatch(/^\[Long one\]: text is \d+ characters; cut to 5000/)
  })

  test('[AD9] a byte order mark is not part of the file', () => {
    const r = parseArgdown('\uFEFF[A]: text\n')
    expect(r.ok && r.map.nodes.map((n) => [n.id, n.text])).toEqual([['s-a', 'text']])
  })

  test('[AD8] a second undercut support of one node travels in YAML and comes back', () => {
    const map = ArgumentMapSchema.parse({
      title: 'T',
      nodes: ['s-a', 's-b', 's-c', 's-o'].map((id) => ({ id, kind: 'claim', text: id, x: 0, y: 0 })),
      relations: [
        { id: 'ab', kind: 'supports', source: 's-a', target: 's-b' },
        { id: 'ac', kind: 'supports', source: 's-a', target: 's-c' },
        { id: 'u1', kind: 'undercuts', source: 's-o', target: 'ab' },
        { id: 'u2', kind: 'undercuts', source: 's-o', target: 'ac' },
      ],
    })
    const text = serializeArgdown(map)
    expect(text).toContain('_> <node s-a>')
    expect(text).toContain('{undercuts: ["s-a s-c"]}')
    const back = parseArgdown(text)
    expect(
      back.ok &&
        back.map.relations
          .filter((r) => r.kind === 'undercuts')
          .map((r) => r.target)
          .sort(),
    ).toEqual([relationId('supports', 's-a', 's-b'), relationId('supports', 's-a', 's-c')].sort())
  })

  test('[AD11] a text is escaped in the line it is written in: "[]" before YAML holding "]" is no reference into the YAML', () => {
    const map = ArgumentMapSchema.parse({
      title: 'T',
      nodes: [{ id: 'a-x', kind: 'claim', text: '[] ', x: 0, y: 0 }],
      relations: [],
    })
    const text = serializeArgdown(map)
    expect(text).toContain('\\[\\] {')
    const back = parseArgdown(text)
    expect(back.ok && back.map.nodes).toEqual(map.nodes)
  })

  test('[AD8] serialized output is plain readable Argdown', () => {
    const map = ArgumentMapSchema.parse({
      title: 'T',
      nodes: [
        { id: 's-thesis', kind: 'claim', text: 'Ban cars: now.', x: 0, y: 0 },
        { id: 'a-air', kind: 'argument', text: 'Cleaner air', x: 0, y: 0 },
      ],
      relations: [{ id: 'r1', kind: 'supports', source: 'a-air', target: 's-thesis' }],
    })
    // [AD11] Nothing here needs an escape for Argdown: no backslashes.
    expect(serializeArgdown(map)).toBe(
      '===\ntitle: "T"\n===\n\n[thesis]: Ban cars: now.\n\n<air>: Cleaner air\n  +> [thesis]\n',
    )
  })
})
