import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test, vi } from 'vitest'
import * as Y from 'yjs'
import { addNode as addNodeOp, localOrigin, readNode, updateNode } from '@/core/ydoc'
import { connectClient } from '../../harness/syncHarness'
import { browserPerFile } from './support/browser'
import { newPerson, openAsGuest, ownerAndGuest, type Person } from './support/accounts'
import {
  addNode,
  connect,
  edge,
  editText,
  node,
  nodeIds,
  nodeText,
  nodeTransform,
  presenceNames,
  waitForState,
} from './support/editor'

/**
 * Two people, two browser contexts (own cookies, own socket), one map: what
 * one does shows up on the other's screen, survives a reload, and undo stays
 * personal. Every test makes its own map and people.
 */
describe('collaborative editor', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function twoEditors() {
    const pair = await ownerAndGuest(run.browser, baseURL, 'editor')
    run.keep(pair.owner, pair.guest)
    await Promise.all([waitForState(pair.owner.page, 'connected'), waitForState(pair.guest.page, 'connected')])
    return pair
  }

  test('a claim and an attack on it made by one person appear for the other, with presence, cursor, and after a reload', async () => {
    const { owner: a, guest: b } = await twoEditors()

    // Presence: each lists both people, itself first.
    await expect.poll(() => presenceNames(a.page)).toEqual([`${a.name} (you)`, b.name])
    await expect.poll(() => presenceNames(b.page)).toEqual([`${b.name} (you)`, a.name])

    const claim = await addNode(a.page, 'claim', 'Cities should make buses free')
    await nodeText(b.page, claim).filter({ hasText: 'Cities should make buses free' }).waitFor()

    const objection = await addNode(a.page, 'objection', 'Fares pay for a third of the service')
    const attack = await connect(a.page, objection, claim, 'attacks')
    await expect.poll(() => a.page.getByTestId(`edge-label-${attack}`).textContent()).toBe('attacks')

    await nodeText(b.page, objection).filter({ hasText: 'Fares pay for a third of the service' }).waitFor()
    expect(await node(b.page, objection).locator('.crux-node').getAttribute('data-kind')).toBe('objection')
    expect(await node(b.page, claim).locator('.crux-node').getAttribute('data-kind')).toBe('claim')
    // 'attached', not 'visible': a perfectly vertical edge has a zero-width box, which
    // Playwright counts as hidden; its label (checked next) is what the reader sees.
    await edge(b.page, attack).waitFor({ state: 'attached' })
    await expect.poll(() => b.page.getByTestId(`edge-label-${attack}`).textContent()).toBe('attacks')

    // A's pointer over the canvas is a named cursor on B's screen; off the canvas, none.
    await a.page.locator('.crux-title').hover()
    await expect.poll(() => b.page.getByTestId('remote-cursor').count()).toBe(0)
    await movePointerAcrossCanvas(a.page)
    await b.page.getByTestId('remote-cursor').filter({ hasText: a.name }).waitFor()

    // A fresh load starts from what the server stored, not from this tab's memory.
    await b.page.reload()
    await waitForState(b.page, 'connected')
    await nodeText(b.page, claim).filter({ hasText: 'Cities should make buses free' }).waitFor()
    await nodeText(b.page, objection).filter({ hasText: 'Fares pay for a third of the service' }).waitFor()
    await expect.poll(() => b.page.getByTestId(`edge-label-${attack}`).textContent()).toBe('attacks')
    expect((await nodeIds(b.page)).sort()).toEqual([claim, objection].sort())
  })

  test("Ctrl+Z reverts only the undoing person's own change, on both screens", async () => {
    const { owner: a, guest: b } = await twoEditors()
    const x = await addNode(a.page, 'claim', 'X as first written')
    const y = await addNode(b.page, 'argument', 'Y as first written')
    await nodeText(a.page, y).filter({ hasText: 'Y as first written' }).waitFor()
    await nodeText(b.page, x).filter({ hasText: 'X as first written' }).waitFor()

    // A edits X, then B edits Y: B's change is the latest one on the map.
    await editText(a.page, x, 'X edited by A')
    // The closed editor leaves no stray caret behind (it slowed every later frame on big maps).
    expect(await a.page.evaluate(() => document.getSelection()?.rangeCount ?? 0)).toBe(0)
    await nodeText(b.page, x).filter({ hasText: 'X edited by A' }).waitFor()
    await editText(b.page, y, 'Y edited by B')
    await nodeText(a.page, y).filter({ hasText: 'Y edited by B' }).waitFor()

    // Focus on the canvas, not in a field, where the browser's own undo would win.
    await a.page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
    await a.page.keyboard.press('Control+z')

    for (const page of [a.page, b.page]) {
      await expect.poll(() => nodeText(page, x).textContent()).toBe('X as first written')
      expect(await nodeText(page, y).textContent()).toBe('Y edited by B')
    }
    // Still there after a reload: the undo travelled to the server like any edit.
    await b.page.reload()
    await waitForState(b.page, 'connected')
    await expect.poll(() => nodeText(b.page, x).textContent()).toBe('X as first written')
    expect(await nodeText(b.page, y).textContent()).toBe('Y edited by B')
  })

  test('two people rewording one node at once both keep their words', async () => {
    const { owner: a, guest: b } = await twoEditors()
    const claim = await addNode(a.page, 'claim', 'Cities should make buses free')
    await nodeText(b.page, claim).filter({ hasText: 'Cities should make buses free' }).waitFor()

    // A starts rewording; while A's draft is open, B adds to the end and commits.
    await nodeText(a.page, claim).dblclick()
    const draft = node(a.page, claim).getByTestId('node-text-input')
    await draft.waitFor()
    await editText(b.page, claim, 'Cities should make buses free at night')
    // B's words have reached A (the node's accessible name follows the doc while A types).
    await expect.poll(() => node(a.page, claim).getAttribute('aria-label')).toContain('at night')
    // A's draft still holds what A started from; A changes the beginning and commits.
    expect(await draft.inputValue()).toBe('Cities should make buses free')
    await draft.fill('Big cities should make buses free')
    await draft.press('Enter')

    for (const page of [a.page, b.page]) {
      await expect.poll(() => nodeText(page, claim).textContent()).toBe('Big cities should make buses free at night')
    }
  })

  test('auto-arrange lays the map out in a Web Worker: conclusions on top, the same on both screens', async () => {
    const { owner: a, guest: b } = await twoEditors()
    const claim = await addNode(a.page, 'claim', 'Schools should start later')
    const premise = await addNode(a.page, 'argument', 'Teenagers sleep later by biology')
    await connect(a.page, premise, claim, 'supports')
    const top = async (page: Page, id: string) => (await node(page, id).boundingBox())!.y
    const placed = [await nodeTransform(a.page, claim), await nodeTransform(a.page, premise)]

    const [worker] = await Promise.all([a.page.waitForEvent('worker'), a.page.getByTestId('auto-arrange').click()])
    expect(worker.url()).toContain('/_next/static/')
    await a.page.getByTestId('auto-arrange').filter({ hasText: 'Auto-arrange' }).waitFor()
    // The layout moved the nodes (new nodes were placed by a simpler rule), conclusion on top.
    await expect
      .poll(async () => [await nodeTransform(a.page, claim), await nodeTransform(a.page, premise)])
      .not.toEqual(placed)
    for (const page of [a.page, b.page]) {
      await expect.poll(async () => (await top(page, claim)) < (await top(page, premise))).toBe(true)
    }
    await expect.poll(() => nodeTransform(b.page, claim)).toBe(await nodeTransform(a.page, claim))
  })

  test('a viewer sees the map live but cannot change it, and the server keeps it unchanged', async () => {
    const { owner, guest: viewer, mapId } = await ownerAndGuest(run.browser, baseURL, 'viewer')
    run.keep(owner, viewer)
    await waitForState(owner.page, 'connected')
    const claim = await addNode(owner.page, 'claim', 'Only the owner writes here')
    await waitForState(viewer.page, 'connected')
    await nodeText(viewer.page, claim).filter({ hasText: 'Only the owner writes here' }).waitFor()

    const v = viewer.page
    expect(await v.getByTestId('map-editor').getAttribute('data-read-only')).toBe('true')
    for (const id of [
      'add-claim',
      'add-argument',
      'add-objection',
      'add-evidence',
      'add-question',
      'undo',
      'inspector',
      'delete-selected',
    ]) {
      expect(await v.getByTestId(id).count(), id).toBe(0)
    }
    const placedAt = await nodeTransform(owner.page, claim)

    // Everything an editor would try: edit in place, Enter, delete keys, undo, drag.
    await nodeText(v, claim).dblclick()
    await v.keyboard.press('Enter')
    await v.keyboard.type('vandalised')
    await node(v, claim).click()
    await v.keyboard.press('Delete')
    await v.keyboard.press('Backspace')
    await v.keyboard.press('Control+z')
    const box = (await node(v, claim).boundingBox())!
    await v.mouse.move(box.x + 20, box.y + 20)
    await v.mouse.down()
    await v.mouse.move(box.x + 220, box.y + 160, { steps: 6 })
    await v.mouse.up()
    expect(await v.getByTestId('node-text-input').count()).toBe(0)

    // Past the UI: a client holding the viewer's real socket token writes anyway.
    const forged = await writeAsViewer(viewer, mapId, claim)
    expect(forged.wrote).toBe(true)
    // So a fresh load of the stored map has neither the node nor the text.
    await owner.page.reload()
    await waitForState(owner.page, 'connected')
    await nodeText(owner.page, claim).waitFor()
    expect(await nodeIds(owner.page)).toEqual([claim])
    expect(await nodeText(owner.page, claim).textContent()).toBe('Only the owner writes here')

    // The owner is still live with the viewer: a later edit reaches the viewer...
    await editText(owner.page, claim, 'Edited by the owner after the viewer tried')
    await nodeText(v, claim).filter({ hasText: 'Edited by the owner after the viewer tried' }).waitFor()
    // ...and the stored map, loaded afresh, has nothing from the viewer.
    await owner.page.reload()
    await waitForState(owner.page, 'connected')
    await nodeText(owner.page, claim).filter({ hasText: 'Edited by the owner after the viewer tried' }).waitFor()
    expect(await nodeIds(owner.page)).toEqual([claim])
    expect(await nodeTransform(owner.page, claim)).toBe(placedAt)
    expect(await nodeText(v, claim).textContent()).toBe('Edited by the owner after the viewer tried')
    forged.client.destroy()
  })

  test('two visitors open a seed map through the "Your name" form and see each other (README screenshot)', async () => {
    const a = await newPerson(run.browser, baseURL, 'Maya')
    const b = await newPerson(run.browser, baseURL, 'Tomás')
    run.keep(a, b)
    await a.page.goto('/')
    const href = await a.page
      .getByTestId('map-link')
      .filter({ hasText: /^No grey zones$/ })
      .getAttribute('href')
    const mapId = href!.split('/').pop()!
    await openAsGuest(a.page, mapId, a.name)
    await openAsGuest(b.page, mapId, b.name)
    await Promise.all([waitForState(a.page, 'connected'), waitForState(b.page, 'connected')])
    await expect.poll(() => presenceNames(a.page)).toEqual([`${a.name} (you)`, b.name])
    await expect.poll(async () => (await nodeIds(a.page)).length).toBeGreaterThan(5)
    await a.page.getByTestId('node-badge').first().waitFor()

    // The map opens readable, on the thesis; Maya opens one node's explanation (seed maps are viewer-only).
    await a.page.locator('.crux-canvas[data-initial-view]').waitFor()
    await steadyViewport(a.page)
    // The node may lie outside the first view: a click event on it selects it all the same.
    await a.page
      .locator('.react-flow__node')
      .filter({ hasText: 'need not be what they think now' })
      .dispatchEvent('click')
    await a.page.getByTestId('explain-panel').waitFor()

    // Tomás selects the thesis and points at it; Maya sees his ring and cursor.
    const thesis = b.page.locator('.react-flow__node').filter({ hasText: 'but include Belarus' })
    await thesis.click()
    // The thesis quotes Sannikov, so selecting it opens the article beside the canvas: measure after that.
    await b.page.getByTestId('source-highlight').waitFor()
    await steadyViewport(b.page)
    const box = (await thesis.boundingBox())!
    // Left of the article panel, which covers the canvas's right part.
    await b.page.mouse.move(box.x + box.width * 0.2, box.y + box.height + 30, { steps: 4 })
    const ring = a.page
      .locator('.react-flow__node')
      .filter({ hasText: 'but include Belarus' })
      .locator('[data-remote-selected]')
    await ring.waitFor()
    await a.page.getByTestId('remote-cursor').filter({ hasText: b.name }).waitFor()

    // Written to docs/ only on request, so an ordinary run leaves the checkout clean.
    const out =
      process.env.CRUX_UPDATE_SCREENSHOT === '1'
        ? path.resolve(import.meta.dirname, '../../docs/screenshots/editor.png')
        : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crux-shot-')), 'editor.png')
    fs.mkdirSync(path.dirname(out), { recursive: true })
    await a.page.mouse.move(0, 0)
    await a.page.screenshot({ path: out })
    const png = fs.readFileSync(out)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 900])
  })
})

/**
 * Connects a stock y-websocket client from Node with the token the viewer's
 * browser session is given, waits for the first sync, and writes to the map
 * through the ordinary ops: a new node and new text on `nodeId`. Resolves
 * once the server has refused them.
 */
async function writeAsViewer(viewer: Person, mapId: string, nodeId: string) {
  const res = await viewer.context.request.get(`/api/maps/${mapId}/token`)
  expect(res.status()).toBe(200)
  const { token, role } = (await res.json()) as { token: string; role: string }
  expect(role).toBe('viewer')
  const base = new URL(inject('baseURL'))
  const client = connectClient(`ws://${base.host}/ws`, mapId, new Y.Doc(), { token }, { origin: base.origin })
  await client.synced
  // y-websocket reports the server's refusal only through console.warn.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    const me = localOrigin('forged viewer')
    addNodeOp(client.doc, { id: 'n-forged', kind: 'claim', text: 'forged', x: 0, y: 0, pinned: false }, me)
    updateNode(client.doc, nodeId, { text: 'forged text' }, me)
    const wrote = readNode(client.doc, nodeId)?.text === 'forged text'
    // The server answered "permission denied": it has read the frames and refused them.
    await expect.poll(() => warn.mock.calls.some(([m]) => String(m).startsWith('Permission denied'))).toBe(true)
    return { client, wrote }
  } finally {
    warn.mockRestore()
  }
}

/** Waits until React Flow's pan/zoom transform holds still between two looks. */
async function steadyViewport(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  let last = ''
  await expect
    .poll(async () => {
      const now = await transform()
      const steady = now === last
      last = now
      return steady
    })
    .toBe(true)
}

/** A few pointer moves inside the canvas, clear of the controls and minimap. */
async function movePointerAcrossCanvas(page: Page): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3)
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 5 })
}
