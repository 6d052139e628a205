import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { ownerAndGuest } from './support/accounts'
import { addNode, connect, node, nodeText, waitForState } from './support/editor'

/**
 * Evaluation in the editor with two people on one map: votes and attacks by
 * one change the other's badges live, the explain panel names the attacker
 * that defeats a node, and "Only mine" evaluates with this person's votes.
 */
describe('evaluation in the editor', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  const badge = (page: Page, id: string) => node(page, id).getByTestId('node-badge')
  const badgeLabel = (page: Page, id: string) => badge(page, id).getAttribute('data-label')
  const badgeStrength = async (page: Page, id: string) =>
    Number(await badge(page, id).getByRole('meter').getAttribute('aria-valuenow'))
  // Selected nodes are raised above the others, so clear the selection before clicking one a neighbour may overlap.
  const selectNode = async (page: Page, id: string) => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await nodeText(page, id).click()
    await expect.poll(() => node(page, id).getAttribute('class')).toContain('selected')
  }
  const panelStrength = async (page: Page) =>
    Number(await page.getByTestId('explain-strength').getAttribute('data-strength'))

  test('votes and attacks show live on the other screen; the explain panel names the IN attacker; "Only mine" uses my votes', async () => {
    const { owner: a, guest: b } = await ownerAndGuest(run.browser, baseURL, 'editor')
    run.keep(a, b)
    await Promise.all([waitForState(a.page, 'connected'), waitForState(b.page, 'connected')])

    // [VP1] A new claim nobody voted on starts neutral, on both screens.
    const thesis = await addNode(a.page, 'claim', 'Cities should make buses free')
    await nodeText(b.page, thesis).filter({ hasText: 'Cities should make buses free' }).waitFor()
    await expect.poll(() => badgeStrength(b.page, thesis)).toBe(50)

    // A votes 4 (the new node is still selected): B's badge fills up live.
    await a.page.getByTestId('vote-4').click()
    await expect.poll(() => a.page.getByTestId('vote-4').getAttribute('aria-checked')).toBe('true')
    expect(await a.page.getByTestId('vote-summary').textContent()).toBe('1 vote, mean 4.0 of 4')
    await expect.poll(() => badgeStrength(b.page, thesis)).toBe(100)
    expect(await badgeLabel(b.page, thesis)).toBe('IN')

    // A attacks it with a new objection: on B's screen the thesis is defeated and weakened.
    const objection = await addNode(a.page, 'objection', 'Fares pay for a third of the service')
    await connect(a.page, objection, thesis, 'attacks')
    await expect.poll(() => badgeLabel(b.page, thesis)).toBe('OUT')
    await expect.poll(() => badgeStrength(b.page, thesis)).toBe(50) // [DQ3] 1 − 1·0.5

    // [EX1] B asks why: the panel names the IN objection first; clicking it selects it.
    await selectNode(b.page, thesis)
    await expect.poll(() => b.page.getByTestId('explain-label').getAttribute('data-label')).toBe('OUT')
    expect(await b.page.getByTestId('explain-why').textContent()).toContain('Fares pay for a third of the service')
    const first = b.page.getByTestId('explain-attackers').getByTestId('explain-related').first()
    expect(await first.getAttribute('data-label')).toBe('IN')
    expect(await first.textContent()).toContain('Fares pay for a third of the service')
    await first.click()
    await expect.poll(() => node(b.page, objection).getAttribute('class')).toContain('selected')
    await expect.poll(() => b.page.getByTestId('explain-label').getAttribute('data-label')).toBe('IN')

    // B disagrees: votes 0 on the thesis. Everyone's mean is 2, so base 0.5 and strength 0.25 on both screens.
    await selectNode(b.page, thesis)
    await b.page.getByTestId('vote-0').click()
    await expect.poll(() => b.page.getByTestId('vote-summary').textContent()).toBe('2 votes, mean 2.0 of 4')
    await expect.poll(() => badgeStrength(a.page, thesis)).toBe(25)

    // A vote is undone like any other change of one's own: Ctrl+Z takes B's vote back, Ctrl+Shift+Z redoes it.
    await b.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await b.page.keyboard.press('Control+z')
    await expect.poll(() => badgeStrength(a.page, thesis)).toBe(50)
    await b.page.keyboard.press('Control+Shift+z')
    await expect.poll(() => badgeStrength(a.page, thesis)).toBe(25)
    await selectNode(b.page, thesis)

    // [VP3] A looks through only their own votes: base 1 again, strength 0.5; B's view is unchanged.
    await selectNode(a.page, thesis)
    await expect.poll(() => panelStrength(a.page)).toBe(0.25)
    await a.page.getByTestId('perspective').selectOption({ label: 'Only mine' })
    await expect.poll(() => badgeStrength(a.page, thesis)).toBe(50)
    expect(await panelStrength(a.page)).toBe(0.5)
    expect(await badgeStrength(b.page, thesis)).toBe(25)

    // Clearing A's vote under "Only mine" leaves the thesis unrated: neutral base, 0.25 after the attack.
    await a.page.getByTestId('vote-clear').click()
    await expect.poll(() => panelStrength(a.page)).toBe(0.25)
    await expect.poll(() => b.page.getByTestId('vote-summary').textContent()).toBe('1 vote, mean 0.0 of 4')
  })

  test('the vote buttons are a keyboard radio group', async () => {
    const { owner: a, guest } = await ownerAndGuest(run.browser, baseURL, 'editor')
    run.keep(a, guest)
    const claim = await addNode(a.page, 'claim', 'Keyboard voting works')
    await a.page.getByTestId('vote-2').click()
    await a.page.keyboard.press('ArrowRight')
    await expect.poll(() => a.page.getByTestId('vote-3').getAttribute('aria-checked')).toBe('true')
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('vote-3')
    await a.page.keyboard.press('ArrowLeft')
    await a.page.keyboard.press('ArrowLeft')
    await expect.poll(() => a.page.getByTestId('vote-1').getAttribute('aria-checked')).toBe('true')
    await expect.poll(() => badgeStrength(a.page, claim)).toBe(25)
    expect(
      await a.page
        .getByRole('radiogroup', { name: /How much this should weigh/ })
        .getByRole('radio')
        .count(),
    ).toBe(5)
  })
})
