import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { parseAif } from '@/core/convert/aif'
import { parseArgdown } from '@/core/convert/argdown'
import { parseCruxJson } from '@/core/convert/json'
import type { ArgumentMap } from '@/core/graph'
import { expectedCounts, rawAif, rawLayout } from '../core/convert/aifCounts'
import { newPerson, signUp, unique } from './support/accounts'
import { browserPerFile } from './support/browser'
import { openMap } from './support/editor'

/**
 * Every text format of the editor's Export menu, downloaded in Chromium by
 * clicking it, and read back as its own format says: GraphML and draw.io
 * parsed as XML by the browser with the right node and edge counts, the
 * OVA3 save re-imported by Crux with the analyst's layout, and the others
 * read by Crux's own importers. The map is a real OVA3 save (arg-tech/papa,
 * tests/fixtures/SOURCES.md) with a support, a rebuttal and an undercut, so
 * the undercut's drawing is covered too. PNG and SVG are in export-images.test.ts.
 */
const source = fs.readFileSync(
  path.join(import.meta.dirname, '../fixtures/aif/corpus/ova3-papa-rebut-undercut.json'),
  'utf8',
)
const want = expectedCounts(rawAif(source))
const TITLE = 'Rebut and undercut'
const BASE = 'rebut-and-undercut'

describe('[AF6] the Export menu in the editor', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function importedMap(): Promise<{ page: Page; mapId: string }> {
    const person = await newPerson(run.browser, baseURL, unique('Exporter'))
    run.keep(person)
    await signUp(person.page, { name: person.name })
    const res = await person.page.request.post('/api/maps/import', {
      data: { format: 'aif', text: source, title: TITLE },
      headers: { origin: baseURL },
    })
    expect(res.status()).toBe(200)
    const { id } = (await res.json()) as { id: string }
    await openMap(person.page, id)
    await person.page.getByTestId('node-badge').first().waitFor()
    return { page: person.page, mapId: id }
  }

  /** Opens the menu if it is closed, clicks one entry, and returns the downloaded file's name and text. */
  async function download(page: Page, entry: string): Promise<{ name: string; text: string }> {
    const menu = page.getByTestId('export-menu')
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${entry}`).click()])
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') }
  }

  /** The browser's own XML parser: element counts by local name, or the parser's error. */
  function readXml(page: Page, xml: string, selectors: Record<string, string>) {
    return page.evaluate(
      ([text, wanted]) => {
        const doc = new DOMParser().parseFromString(text!, 'application/xml')
        const error = doc.getElementsByTagName('parsererror')[0]
        if (error) return { error: error.textContent ?? 'parsererror', counts: {} as Record<string, number> }
        const counts: Record<string, number> = {}
        for (const [key, selector] of Object.entries(wanted as Record<string, string>))
          counts[key] = doc.querySelectorAll(selector).length
        return { error: null, root: doc.documentElement.localName, counts }
      },
      [xml, selectors] as const,
    )
  }

  test('each text format downloads and reads back as its format', async () => {
    const { page } = await importedMap()
    const crux = await download(page, 'json')
    expect(crux.name).toBe(`${BASE}.crux.json`)
    const parsedCrux = parseCruxJson(crux.text)
    if (!parsedCrux.ok) throw new Error(JSON.stringify(parsedCrux.errors))
    const map: ArgumentMap = parsedCrux.map
    const kinds = (m: ArgumentMap, kind: string) => m.relations.filter((r) => r.kind === kind).length
    // The map in the editor is the file's content, counted from the raw file by the test's own reader.
    expect(map.nodes.map((n) => n.text).sort()).toEqual(want.propositions)
    expect([kinds(map, 'supports'), kinds(map, 'attacks'), kinds(map, 'undercuts')]).toEqual([
      want.supports,
      want.attacks,
      want.undercuts,
    ])

    // GraphML: each node a <node>; an undercut support is drawn through a small inference node, so it
    // adds one node and one edge (premise → inference → conclusion), and the undercut aims at that node.
    const graphml = await download(page, 'graphml')
    expect(graphml.name).toBe(`${BASE}.graphml`)
    const g = await readXml(page, graphml.text, { nodes: 'graph > node', edges: 'graph > edge', labels: 'NodeLabel' })
    expect(g.error).toBeNull()
    expect(g.root).toBe('graphml')
    const undercutSupports = new Set(map.relations.filter((r) => r.kind === 'undercuts').map((r) => r.target)).size
    expect(g.counts).toEqual({
      nodes: map.nodes.length + undercutSupports,
      edges: map.relations.length + undercutSupports,
      labels: map.nodes.length,
    })

    // draw.io: a vertex per node and an edge cell per relation (an undercut ends on the support's edge).
    const drawio = await download(page, 'drawio')
    expect(drawio.name).toBe(`${BASE}.drawio`)
    const d = await readXml(page, drawio.text, {
      vertices: 'mxCell[vertex="1"]',
      edges: 'mxCell[edge="1"]',
      geometries: 'mxCell[vertex="1"] > mxGeometry',
    })
    expect(d.error).toBeNull()
    expect(d.root).toBe('mxfile')
    expect(d.counts).toEqual({ vertices: map.nodes.length, edges: map.relations.length, geometries: map.nodes.length })

    // OVA3: a save OVA3 opens with the analyst's layout; Crux reads it back with the same positions.
    const ova3 = await download(page, 'ova3')
    expect(ova3.name).toBe(`${BASE}.ova3.json`)
    expect(rawLayout(ova3.text)).toEqual(rawLayout(source))
    const reimport = await page.request.post('/api/maps/import', {
      data: { format: 'aif', text: ova3.text },
      headers: { origin: baseURL },
    })
    expect(reimport.status()).toBe(200)
    const { id: againId } = (await reimport.json()) as { id: string }
    const again = parseCruxJson(await (await page.request.get(`/api/maps/${againId}/export?format=json`)).text())
    if (!again.ok) throw new Error(JSON.stringify(again.errors))
    const placed = (m: ArgumentMap) => m.nodes.map((n) => `${n.text} @ ${n.x},${n.y} ${n.pinned}`).sort()
    expect(placed(again.map)).toEqual(placed(map))
    expect(again.map.relations.length).toBe(map.relations.length)

    // AIF (AIFdb): the propositions and relations as imported.
    const aif = await download(page, 'aif')
    expect(aif.name).toBe(`${BASE}.aif.json`)
    const back = expectedCounts(rawAif(aif.text))
    expect([back.propositions, back.supports, back.attacks, back.undercuts]).toEqual([
      want.propositions,
      want.supports,
      want.attacks,
      want.undercuts,
    ])
    expect(parseAif(aif.text).ok).toBe(true)

    // Argdown, with and without every position: Crux's Argdown importer reads the same statements and relations.
    for (const entry of ['argdown', 'argdown-positions']) {
      const argdown = await download(page, entry)
      expect(argdown.name).toBe(`${BASE}.argdown`)
      const read = parseArgdown(argdown.text)
      if (!read.ok) throw new Error(JSON.stringify(read.errors))
      expect(read.map.nodes.map((n) => n.text).sort()).toEqual(want.propositions)
      expect(read.map.relations.length).toBe(map.relations.length)
    }

    // Markdown outline: every proposition is in it.
    const markdown = await download(page, 'markdown')
    expect(markdown.name).toBe(`${BASE}.md`)
    for (const text of want.propositions) expect(markdown.text).toContain(text)
  })
})
