import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { createMap, newPerson, signUp, unique } from './support/accounts'
import { node, nodeIds, nodeText, waitForState } from './support/editor'

/**
 * WCAG 2.2 SC 2.5.7 (dragging movements) and 2.1.1 (keyboard): a map built with the keyboard
 * alone. After sign-in every step is a key press: Tab moves focus, as a person would, until it
 * lands where they want to be; nothing is clicked, dragged or focused by script.
 */
describe('the editor with the keyboard alone', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  /** Presses Tab until the focused element matches `selector` (as a person tabbing would). */
  async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
      await page.keyboard.press('Tab')
    }
    throw new Error(`Tab never reached ${selector}`)
  }

  const focusedNodeId = (page: Page) =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.id ?? null)

  async function addByKeyboard(page: Page, kind: string, text: string): Promise<string> {
    const before = new Set(await nodeIds(page))
    await tabTo(page, `[data-testid="add-${kind}"]`)
    await page.keyboard.press('Enter')
    // The new node takes the focus once measured; Enter opens its text, Enter commits.
    await page.waitForFunction(
      (known) => {
        const id = (document.activeElement as HTMLElement | null)?.dataset?.id
        return !!id && !known.includes(id)
      },
      [...before],
    )
    const id = (await focusedNodeId(page))!
    await page.keyboard.press('Enter')
    await node(page, id).getByTestId('node-text-input').waitFor()
    await page.keyboard.type(text)
    await page.keyboard.press('Enter')
    await nodeText(page, id).filter({ hasText: text }).waitFor()
    return id
  }

  const edges = (page: Page, label: string) => page.locator(`.react-flow__edge[aria-label^="${label}"]`)

  test('two nodes, supports and attacks, an undercut, a vote, delete and undo', async () => {
    const person = await newPerson(run.browser, baseURL, unique('Keyboard'))
    run.keep(person)
    const { page } = person
    await signUp(page, { name: person.name })
    await createMap(page, unique('Keyboard map'))
    await waitForState(page, 'connected')

    const claim = await addByKeyboard(page, 'claim', 'Homework should be optional')
    const evidence = await addByKeyboard(page, 'evidence', 'Pupils with less homework slept longer')

    // Connect… from the selected evidence: search, Enter takes the first match and "supports".
    await tabTo(page, '[data-testid="connect-open"]')
    await page.keyboard.press('Enter')
    await page.getByTestId('connect-search').waitFor()
    await page.keyboard.type('homework opt')
    await expect.poll(() => page.getByTestId('connect-option').count()).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => edges(page, 'supports').count()).toBe(1)
    expect(await edges(page, 'supports').getAttribute('data-id')).toBeTruthy()
    // Focus is back on the button it started from.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('connect-open')

    // An objection that attacks the claim: the kind is a radio group, arrows change it.
    const objection = await addByKeyboard(page, 'objection', 'Practice needs regular work at home')
    await tabTo(page, '[data-testid="connect-open"]')
    await page.keyboard.press('Enter')
    await page.keyboard.type('homework')
    await tabTo(page, '[data-testid="connect-kind-supports"]')
    await page.keyboard.press('ArrowDown')
    expect(await page.getByTestId('connect-kind-attacks').isChecked()).toBe(true)
    await tabTo(page, '[data-testid="connect-confirm"]')
    await page.keyboard.press('Enter')
    await expect.poll(() => edges(page, 'attacks').count()).toBe(1)

    // Undercut the support: Tab to it on the canvas, Space selects it, "Undercut…" picks the undercutter.
    const support = (await edges(page, 'supports').getAttribute('data-id'))!
    await tabTo(page, `.react-flow__edge[data-id="${support}"]`)
    await page.keyboard.press(' ')
    await page.getByTestId('undercut-open').waitFor()
    await tabTo(page, '[data-testid="undercut-open"]')
    await page.keyboard.press('Enter')
    await page.keyboard.type('practice')
    await expect.poll(() => page.getByTestId('connect-option').count()).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => edges(page, 'undercuts').count()).toBe(1)

    // Vote on the claim: Tab to it, Space selects it, Tab to the vote radio group, arrows vote.
    await tabTo(page, `.react-flow__node[data-id="${claim}"]`)
    await page.keyboard.press(' ')
    await expect.poll(() => node(page, claim).getAttribute('class')).toContain('selected')
    await tabTo(page, '[role="radiogroup"][aria-label^="How much"] [role="radio"]')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.getByTestId('vote-3').getAttribute('aria-checked')).toBe('true')
    expect(await page.getByTestId('vote-summary').textContent()).toBe('1 vote, mean 3.0 of 4')

    // The canvas names each node by kind, text and verdict.
    expect(await node(page, claim).getAttribute('aria-label')).toMatch(
      /^Claim: Homework should be optional, (accepted|defeated|undecided) \((IN|OUT|UNDEC)\)/,
    )

    // Delete the objection from the keyboard, then undo: it comes back with its attack.
    await tabTo(page, `.react-flow__node[data-id="${objection}"]`)
    await page.keyboard.press(' ')
    await expect.poll(() => node(page, objection).getAttribute('class')).toContain('selected')
    await page.keyboard.press('Delete')
    await expect.poll(() => node(page, objection).count()).toBe(0)
    expect(await edges(page, 'attacks').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(() => node(page, objection).count()).toBe(1)
    await expect.poll(() => edges(page, 'attacks').count()).toBe(1)
    expect(await nodeIds(page)).toEqual(expect.arrayContaining([claim, evidence, objection]))
  })
})
