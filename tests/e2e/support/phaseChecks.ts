import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import * as Y from 'yjs'
import type { ArgNode, NodeKind } from '@/core/graph'
import { connectRaw, handshake, updateFrame } from '../../support/rawClient'
import { nodeIds } from './editor'

/**
 * A write as a hostile client sends it, with the person's own token: how the server refuses it ([PP2]).
 * Every caller expects a refusal, so this waits on the close itself; a write the server accepted
 * leaves the socket open, and the test then fails at its step timeout instead of passing.
 */
export async function rawWrite(
  page: Page,
  baseURL: string,
  mapId: string,
  edit: (doc: Y.Doc) => void,
): Promise<{ code: number; reason: string }> {
  const { token } = (await (await page.request.get(`/api/maps/${mapId}/token`)).json()) as { token: string }
  const raw = await connectRaw(`${baseURL.replace(/^http/, 'ws')}/ws`, mapId, { origin: baseURL, token })
  await handshake(raw)
  const before = Y.encodeStateVector(raw.doc)
  edit(raw.doc)
  raw.send(updateFrame(Y.encodeStateAsUpdate(raw.doc, before)))
  const closed = await raw.closed
  raw.close()
  return closed
}

/** A node as a raw client writes it; ids start with "raw-" so a test can look for any that got through. */
export const made = (id: string, kind: NodeKind): ArgNode => ({
  id,
  kind,
  text: `raw ${kind}`,
  x: 0,
  y: 0,
  pinned: false,
})

/** [PP2] The editor refuses adding a node of this kind before the server has to: a notice, and no new node. */
export async function refusedInPage(page: Page, kind: NodeKind): Promise<void> {
  const before = (await nodeIds(page)).length
  await page.getByTestId(`add-${kind}`).click()
  await expect.poll(() => page.getByTestId('editor-notice').innerText()).toContain('Not in this phase')
  expect((await nodeIds(page)).length).toBe(before)
  await page.getByTestId('editor-notice').getByRole('button', { name: 'Dismiss' }).click()
}
