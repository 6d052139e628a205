import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ArgdownApplication, DataPlugin, JSONExportPlugin, ModelPlugin, ParserPlugin } from '@argdown/core'
import { describe, expect, test } from 'vitest'
import { parseArgdown, serializeArgdown } from '@/core/convert/argdown'
import { problems, type ArgumentMap } from '@/core/graph'

/**
 * Real Argdown files (tests/fixtures/SOURCES.md) against @argdown/core's own
 * JSON export, read here with its own plugins and none of ours: what Argdown
 * says is in a file is what Crux must import ([AD9]) and export back ([AD12]).
 */
const dir = path.join(import.meta.dirname, '../../fixtures/argdown/corpus')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.argdown'))
  .sort()

interface JsonMember {
  text?: string
  isReference?: boolean
  role?: string
}
interface JsonStatement {
  title: string
  members: JsonMember[]
}
interface JsonPcsStep {
  title: string
  role: string
  inference?: { inferenceRules?: string[] }
}
interface JsonArgument {
  title: string
  pcs?: JsonPcsStep[]
}
interface JsonRelation {
  relationType: string
  from: string
  fromType: string
  to: string
  toType: string
}
interface ArgdownJson {
  statements: Record<string, JsonStatement>
  arguments: Record<string, JsonArgument>
  relations: JsonRelation[]
}

const app = new ArgdownApplication()
app.addPlugin(new ParserPlugin(), 'parse-input')
app.addPlugin(new DataPlugin(), 'build-model')
app.addPlugin(new ModelPlugin(), 'build-model')
app.addPlugin(new JSONExportPlugin(), 'export-json')

function argdownJson(text: string): ArgdownJson {
  const r = app.run({ input: text, process: ['parse-input', 'build-model', 'export-json'], logLevel: 'none' } as never)
  if ((r.lexerErrors ?? []).length + (r.parserErrors ?? []).length > 0)
    throw new Error('@argdown/core rejects this file')
  return JSON.parse(r.json!) as ArgdownJson
}

/** Argdown's canonical text of a statement: its last defining member with text. */
function statementText(s: JsonStatement | undefined): string {
  const defined = (s?.members ?? []).filter((m) => !m.isReference && (m.text ?? '').trim() !== '')
  return (defined[defined.length - 1]?.text ?? '').trim()
}

const rules = (step: JsonPcsStep) => (step.inference?.inferenceRules ?? []).map((r) => r.trim()).filter((r) => r !== '')

/** Crux nodes by the Argdown element they came from: its title as written, else the statement text. */
function cruxIndex(map: ArgumentMap) {
  const byText = new Map(map.nodes.map((n) => [n.text, n]))
  return (title: string, text: string, argument: boolean) =>
    map.nodes.find((n) => n.title === title && n.id.startsWith('a-') === argument) ??
    map.nodes.find(
      (n) =>
        n.id ===
        `${argument ? 'a' : 's'}-${title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')}`,
    ) ??
    byText.get(text)
}

describe('the Argdown corpus against @argdown/core', () => {
  test('the corpus holds at least 9 real Argdown files', () => {
    expect(files.length).toBeGreaterThanOrEqual(9)
  })

  test.each(files)('[AD9] %s: every statement, argument, structure and relation Argdown reads is imported', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const json = argdownJson(text)
    const result = parseArgdown(text)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const map = result.map
    expect(problems(map)).toEqual([])
    const find = cruxIndex(map)
    const statements = Object.values(json.statements)
    const args = Object.values(json.arguments)
    expect(map.nodes).toHaveLength(statements.length + args.length)
    const idOfStatement = new Map(statements.map((s) => [s.title, find(s.title, statementText(s), false)?.id]))
    const idOfArgument = new Map(args.map((a) => [a.title, find(a.title, '', true)?.id]))
    for (const [title, id] of [...idOfStatement, ...idOfArgument]) expect(id, title).toBeDefined()
    for (const s of statements)
      expect(map.nodes.find((n) => n.id === idOfStatement.get(s.title))!.text, s.title).toBe(statementText(s))

    // Structures: the same steps, roles and rules, in order.
    for (const a of args.filter((x) => (x.pcs ?? []).length > 0)) {
      const node = map.nodes.find((n) => n.id === idOfArgument.get(a.title))!
      expect(
        node.pcs?.map((s) => s.node),
        a.title,
      ).toEqual(a.pcs!.map((s) => idOfStatement.get(s.title)))
      expect(
        node.pcs?.map((s) => (s.inference ? s.inference.rules : null)),
        a.title,
      ).toEqual(a.pcs!.map((s) => (s.role === 'premise' ? null : rules(s))))
    }
    expect(map.nodes.filter((n) => n.pcs).length).toBe(args.filter((a) => (a.pcs ?? []).length > 0).length)

    // Relations by type: each Argdown relation is the Crux relation it maps to, and nothing else is there.
    const end = (title: string, type: string) =>
      (type === 'equivalence-class' ? idOfStatement.get(title) : idOfArgument.get(title))!
    const supportsBy = (source: string) =>
      map.relations.filter((r) => r.kind === 'supports' && r.source === source).map((r) => r.id)
    const expected = new Set<string>()
    for (const a of args) {
      const steps = a.pcs ?? []
      steps.forEach((s, i) => {
        const st = idOfStatement.get(s.title)!
        expected.add(
          i === steps.length - 1
            ? `supports ${idOfArgument.get(a.title)} ${st}`
            : `supports ${st} ${idOfArgument.get(a.title)}`,
        )
      })
    }
    const byType: Record<string, number> = {}
    for (const r of json.relations) {
      byType[r.relationType] = (byType[r.relationType] ?? 0) + 1
      const from = end(r.from, r.fromType)
      const to = end(r.to, r.toType)
      if (from === to) continue
      if (r.relationType === 'support' || r.relationType === 'entails') expected.add(`supports ${from} ${to}`)
      else if (r.relationType === 'attack' || r.relationType === 'contrary') expected.add(`attacks ${from} ${to}`)
      else if (r.relationType === 'contradictory') expected.add(`attacks ${from} ${to}`).add(`attacks ${to} ${from}`)
      else if (r.relationType === 'undercut') {
        const hits = r.toType === 'equivalence-class' ? [] : supportsBy(to)
        // An argument that supports nothing has no support to undercut: Crux attacks it and says so.
        expected.add(hits.length > 0 ? `undercuts ${from} ${to}` : `attacks ${from} ${to}`)
      }
    }
    const support = new Map(map.relations.map((r) => [r.id, r]))
    const actual = new Set(
      map.relations.map((r) =>
        r.kind === 'undercuts'
          ? `undercuts ${r.source} ${support.get(r.target)!.source}`
          : `${r.kind} ${r.source} ${r.target}`,
      ),
    )
    expect([...actual].sort(), JSON.stringify(byType)).toEqual([...expected].sort())
  })

  test.each(files)(
    '[AD12] %s: @argdown/core reads back every structure Crux imported, with the same premises, conclusion and rules',
    (file) => {
      const text = readFileSync(path.join(dir, file), 'utf8')
      const original = argdownJson(text)
      const imported = parseArgdown(text)
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
      const exported = serializeArgdown(imported.map)
      const back = argdownJson(exported)
      const shape = (json: ArgdownJson, a: JsonArgument) =>
        (a.pcs ?? []).map((s) => ({
          role: s.role,
          text: statementText(json.statements[s.title]),
          rules: s.role === 'premise' ? [] : rules(s),
        }))
      const withPcs = Object.values(original.arguments).filter((a) => (a.pcs ?? []).length > 0)
      const find = cruxIndex(imported.map)
      const slug = (t: string) =>
        `a-${t
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')}`
      for (const a of withPcs) {
        // An untitled argument ("Untitled 4") is written under its id; a titled one under its title.
        const node = find(a.title, '', true)!
        const again = Object.values(back.arguments).find((b) =>
          node.title !== undefined ? b.title === node.title : slug(b.title) === node.id,
        )
        expect(again, `<${a.title}> in the export`).toBeDefined()
        expect(shape(back, again!), a.title).toEqual(shape(original, a))
      }
      // Titles are kept as written.
      for (const t of [...Object.keys(original.statements), ...Object.keys(original.arguments)].filter(
        (t) => !/^Untitled \d+$/.test(t),
      )) {
        expect(exported.includes(`[${t}]`) || exported.includes(`<${t}>`), t).toBe(true)
      }
      // And Crux → Argdown → Crux is exact.
      const again = parseArgdown(exported)
      if (!again.ok) throw new Error(JSON.stringify(again.errors))
      expect(again.map.nodes).toEqual(imported.map.nodes.map((n) => (n.pinned ? n : { ...n, x: 0, y: 0 })))
      expect(new Set(again.map.relations.map((r) => r.id))).toEqual(new Set(imported.map.relations.map((r) => r.id)))
    },
  )
})
