import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { idFromTitle, parseArgdown, relationId, serializeArgdown } from '@/core/convert/argdown'
import { ArgumentMapSchema, problems } from '@/core/graph'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/argdown', name), 'utf8')

describe('parseArgdown', () => {
  test('[AD3] the golden file parses to the reviewed map', () => {
    const result = parseArgdown(fixture('golden.argdown'))
    expect(result).toEqual({ ok: true, map: JSON.parse(fixture('golden.json')), warnings: [] })
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

  test('[AD5] contradiction becomes two attacks; an undercut hits the argument\'s support of its conclusion', () => {
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
    expect(parseArgdown('  \n')).toEqual({ ok: true, map: { title: 'Imported map', nodes: [], relations: [], votes: [] }, warnings: [] })
  })

  test('[AD6] front matter sets the title but cannot reconfigure the parser', () => {
    const r = parseArgdown('===\ntitle: Mine\nprocess: [export-html]\nmodel: {removeTagsFromText: true}\n===\n\n[A]: text #tag\n')
    expect(r.ok && r.map.title).toBe('Mine')
    // With front matter applied as settings, removeTagsFromText would cut "#tag".
    expect(r.ok && r.map.nodes[0]?.text).toBe('text #tag')
  })

  test.each([
    ['broken-yaml.argdown', 6, 54, /invalid YAML data/],
    ['undercut-statement.argdown', 4, 1, /must be an argument/],
    ['unknown-kind.argdown', 1, 1, /kind/],
    ['missing-text.argdown', 3, 10, /Missing text content/],
    ['self-attack.argdown', 2, 1, /to itself/],
    ['undercut-without-support.argdown', 4, 1, /supports nothing/],
    ['duplicate-id.argdown', 3, 1, /already used at line 1/],
    ['inverted-offsets.argdown', 1, 1, /start <= end/],
    ['undercut-missing-support.argdown', 4, 1, /no support from s-a to s-c/],
  ])('[AD7] %s fails at line %i, column %i and yields no map', (file, line, column, message) => {
    const result = parseArgdown(fixture(file))
    expect(result.ok).toBe(false)
    expect(result).not.toHaveProperty('map')
    if (result.ok) return
    expect(result.errors[0]).toMatchObject({ line, column })
    expect(result.errors[0]!.message).toMatch(message)
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
    expect(back.ok && back.map.relations.filter((r) => r.kind === 'undercuts').map((r) => r.target).sort()).toEqual(
      [relationId('supports', 's-a', 's-b'), relationId('supports', 's-a', 's-c')].sort(),
    )
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
    expect(serializeArgdown(map)).toBe('===\ntitle: "T"\n===\n\n[thesis]: Ban cars\\: now\\.\n\n<air>: Cleaner air\n  +> [thesis]\n')
  })
})
