import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { ownerAndGuest } from './support/accounts'
import { addNode, connect, editText, node, nodeText, waitForState } from './support/editor'

/**
 * The editor's outline: the live map as nested text beside the canvas, the
 * way through it by keyboard. Two people: one edits on the canvas, the other
 * reads and selects in the outline.
 */
describe('live outline in the editor', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  test('nests an objection under its claim, follows remote edits, and selects by keyboard', async () => {
    const { owner, guest } = await ownerAndGuest(run.browser, baseURL, 'editor')
    run.keep(owner, guest)
    await Promise.all([waitForState(owner.page, 'connected'), waitForState(guest.page, 'connected')])
    const claim = await addNode(owner.page, 'claim', 'Cities should make buses free')
    const objection = await addNode(owner.page, 'objection', 'Fares pay for a third of the service')
    await connect(owner.page, objection, claim, 'attacks')

    const g = guest.page
    await g.getByTestId('outline-toggle').click()
    expect(await g.getByTestId('outline-toggle').getAttribute('aria-expanded')).toBe('true')
    const outline = g.getByTestId('outline-panel')
    const claimItem = outline.locator(`li[data-node-id="${claim}"]`)
    // The objection sits inside the claim's item, introduced by the relation.
    const nested = claimItem.locator(`li[data-node-id="${objection}"]`)
    await nested.waitFor()
    expect(await nested.textContent()).toMatch(/^Attacks/)
    expect(await nested.getByTestId('outline-select').textContent()).toBe('Fares pay for a third of the service')
    await expect.poll(() => outline.getByTestId('outline-badge').count()).toBe(2)

    // Keyboard: focus the objection in the outline, Enter: it is selected on the canvas and in the inspector.
    const button = nested.getByTestId('outline-select')
    await button.focus()
    await g.keyboard.press('Enter')
    await g.locator(`.react-flow__node.selected[data-id="${objection}"]`).waitFor()
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => g.getByTestId('inspector-text').inputValue()).toBe('Fares pay for a third of the service')

    // The other person's edit shows in the outline without a reload.
    await editText(owner.page, claim, 'Cities should make all buses free')
    await claimItem
      .getByTestId('outline-select')
      .first()
      .filter({ hasText: 'Cities should make all buses free' })
      .waitFor()

    // Picking a node on the canvas marks it in the outline.
    await node(g, claim).click()
    await expect.poll(() => claimItem.getByTestId('outline-select').first().getAttribute('aria-pressed')).toBe('true')
    expect(await button.getAttribute('aria-pressed')).toBe('false')
    expect(await nodeText(g, claim).textContent()).toBe('Cities should make all buses free')
  })
})
