import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { ownerAndGuest } from './support/accounts'
import { addNode, nodeIds, nodeText, presenceNames, waitForState } from './support/editor'
import { networkSwitch } from './support/network'

/** Losing the connection: the badge says so, editing goes on, and both sides merge on reconnect. */
describe('offline editing', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  test('edits made on both sides while one is offline merge when it comes back', async () => {
    let net: Awaited<ReturnType<typeof networkSwitch>> | undefined
    const { owner: a, guest: b } = await ownerAndGuest(run.browser, baseURL, 'editor', async (context) => {
      net = await networkSwitch(context)
    })
    run.keep(a, b)
    await Promise.all([waitForState(a.page, 'connected'), waitForState(b.page, 'connected')])
    const shared = await addNode(a.page, 'claim', 'Written while both are online')
    await nodeText(b.page, shared).filter({ hasText: 'Written while both are online' }).waitFor()
    await expect.poll(() => presenceNames(a.page)).toHaveLength(2)

    await net!.goOffline()
    await waitForState(b.page, 'offline')
    // The server noticed B leave: A's presence drops to one.
    await expect.poll(() => presenceNames(a.page)).toEqual([`${a.name} (you)`])

    const fromB = await addNode(b.page, 'objection', 'Written by B offline')
    const fromA = await addNode(a.page, 'argument', 'Written by A meanwhile')
    // Really apart: neither side has the other's new node yet, and B is still offline.
    expect(await nodeIds(b.page)).not.toContain(fromA)
    expect(await nodeIds(a.page)).not.toContain(fromB)
    expect(await b.page.getByTestId('connection-status').getAttribute('data-state')).toBe('offline')

    await net!.goOnline()
    await waitForState(b.page, 'connected')
    for (const page of [a.page, b.page]) {
      await nodeText(page, fromB).filter({ hasText: 'Written by B offline' }).waitFor()
      await nodeText(page, fromA).filter({ hasText: 'Written by A meanwhile' }).waitFor()
      await expect.poll(async () => (await nodeIds(page)).sort()).toEqual([shared, fromA, fromB].sort())
    }
    await expect.poll(() => presenceNames(a.page)).toEqual([`${a.name} (you)`, b.name])

    // The merge reached the server, not just the two tabs.
    await a.page.reload()
    await waitForState(a.page, 'connected')
    await nodeText(a.page, fromB).filter({ hasText: 'Written by B offline' }).waitFor()
    expect((await nodeIds(a.page)).sort()).toEqual([shared, fromA, fromB].sort())
  })
})
