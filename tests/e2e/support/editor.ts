import type { Locator, Page } from 'playwright-core'
import type { ConnectionState } from '@/components/map/hooks/useMapDoc'
import type { NodeKind } from '@/core/graph'

/**
 * Driving the map editor the way a person does: toolbar buttons, the keyboard
 * and the mouse, located by the test ids the editor publishes. Every helper
 * waits for the visible outcome, so tests never sleep.
 */

export const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`)
export const nodeText = (page: Page, id: string): Locator => node(page, id).getByTestId('node-text')
export const edge = (page: Page, id: string): Locator => page.locator(`.react-flow__edge[data-id="${id}"]`)

export async function waitForState(page: Page, state: ConnectionState): Promise<void> {
  await page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor()
}

/** Opens the editor and waits until the socket is live (the first sync follows at once). */
export async function openMap(page: Page, mapId: string): Promise<void> {
  await page.goto(`/maps/${mapId}`)
  await page.getByTestId('map-editor').waitFor()
  await waitForState(page, 'connected')
}

/** "Make a copy" on the open map; resolves with the copy's id once its editor is live. */
export async function makeCopy(page: Page): Promise<string> {
  const from = new URL(page.url()).pathname
  await page.getByTestId('copy-map').click()
  await page.waitForURL((url) => url.pathname.startsWith('/maps/') && url.pathname !== from)
  await page.getByTestId('map-editor').waitFor()
  await waitForState(page, 'connected')
  return new URL(page.url()).pathname.split('/').pop()!
}

/**
 * Picks a node in the outline, as a keyboard user does: the canvas centres it. A node can otherwise sit under
 * the toolbar or the minimap, which then take the click meant for it.
 */
export async function pickInOutline(page: Page, text: string): Promise<void> {
  if (!(await page.getByTestId('outline-panel').isVisible())) await page.getByTestId('outline-toggle').click()
  await page.getByTestId('outline-panel').getByTestId('outline-select').filter({ hasText: text }).click()
}

/** Fits the whole map into the canvas (the Fit button), so any node can be clicked. */
export async function fitWholeMap(page: Page): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click()
}

/** Where React Flow draws a node, in map coordinates: the same on every screen and after a reload. */
export async function nodeTransform(page: Page, id: string): Promise<string> {
  return node(page, id).evaluate((el) => (el as HTMLElement).style.transform)
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
}

export async function edgeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
}

/**
 * Adds a node with the toolbar, then writes its text the keyboard way: the new
 * node has the focus, Enter opens the in-place editor, Enter commits.
 * Returns the node's id.
 */
export async function addNode(page: Page, kind: NodeKind, text: string): Promise<string> {
  const before = new Set(await nodeIds(page))
  await page.getByTestId(`add-${kind}`).click()
  const fresh = page.locator('.react-flow__node.selected')
  await fresh.waitFor()
  const id = await fresh.getAttribute('data-id')
  if (!id || before.has(id)) throw new Error(`add-${kind} selected no new node`)
  // The editor moves focus to the node once React Flow has measured it.
  await page.waitForFunction((nid) => (document.activeElement as HTMLElement | null)?.dataset?.id === nid, id)
  await page.keyboard.press('Enter')
  await typeIntoEditor(page, id, text)
  return id
}

/** Double-click a node, replace its text, Enter. */
export async function editText(page: Page, id: string, text: string): Promise<void> {
  await nodeText(page, id).dblclick()
  await typeIntoEditor(page, id, text)
}

async function typeIntoEditor(page: Page, id: string, text: string): Promise<void> {
  const input = node(page, id).getByTestId('node-text-input')
  await input.waitFor()
  await input.fill(text)
  await input.press('Enter')
  await input.waitFor({ state: 'detached' })
  await nodeText(page, id).filter({ hasText: text }).waitFor()
}

/**
 * Connects two nodes by dragging with the mouse from `from`'s source handle
 * (top) to `to`'s target handle (bottom), with the toolbar's relation kind.
 * Returns the new relation's id.
 */
export async function connect(page: Page, from: string, to: string, kind: 'supports' | 'attacks'): Promise<string> {
  await page.getByTestId(`connect-${kind}`).click()
  const before = new Set(await edgeIds(page))
  const start = await centre(node(page, from).locator('.react-flow__handle.source'))
  const end = await centre(node(page, to).locator('.react-flow__handle.target'))
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  // Several steps: React Flow starts a connection only after the pointer travels.
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 })
  await page.mouse.move(end.x, end.y, { steps: 8 })
  await page.mouse.up()
  const found = await page.waitForFunction(
    (known) =>
      [...document.querySelectorAll('.react-flow__edge')]
        .map((e) => e.getAttribute('data-id'))
        .find((e) => e && !known.includes(e)),
    [...before],
  )
  const id = (await found.jsonValue()) as string
  return id
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('handle is not visible')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Names in the presence bar, this person's own entry marked "(you)". */
export async function presenceNames(page: Page): Promise<string[]> {
  return (await page.getByTestId('presence-user').allTextContents()).map((s) => s.trim())
}
