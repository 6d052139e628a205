import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { createJoinCode, joinWithCode, newPerson, ownerAndGuest, unique, type Person } from './support/accounts'
import { addNode, editText, node, nodeText, waitForState } from './support/editor'

/**
 * A workshop: a facilitator (the owner) and two experts, each in their own browser context.
 * Comment threads with a reply, a mention and resolving ([CM]); a named checkpoint, a diff and a
 * restore with its undo ([HI]).
 */
describe('workshop: comments and history', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function workshop(): Promise<{
    facilitator: Person
    ann: Person
    cleo: Person
    mapId: string
    nodeId: string
  }> {
    const { owner: facilitator, guest: ann, mapId } = await ownerAndGuest(run.browser, baseURL, 'editor')
    const code = await createJoinCode(facilitator.page, mapId, 'editor')
    const cleo = await newPerson(run.browser, baseURL, unique('Cleo'))
    await joinWithCode(cleo.page, code, cleo.name)
    await facilitator.page.goto(`/maps/${mapId}`)
    run.keep(facilitator, ann, cleo)
    for (const p of [facilitator, ann, cleo]) await waitForState(p.page, 'connected')
    const nodeId = await addNode(facilitator.page, 'claim', 'Uniforms help')
    for (const p of [ann, cleo]) await node(p.page, nodeId).waitFor()
    return { facilitator, ann, cleo, mapId, nodeId }
  }

  const openPanel = async (page: Page, name: 'comments' | 'history') => {
    const toggle = page.getByTestId(`${name}-toggle`)
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await page.getByTestId(`${name}-panel`).waitFor()
  }
  const thread = (page: Page, nodeId: string) =>
    page.getByTestId('comments-panel').locator(`[data-testid="comment-thread"][data-target-id="${nodeId}"]`)

  test('[CM1] [CM5] [CM7] a thread on a node: a mention, a reply, resolving, all seen live by everyone', async () => {
    const { facilitator, ann, cleo, nodeId } = await workshop()

    // Ann comments on the node and mentions Cleo through the picker.
    await node(ann.page, nodeId).click()
    await openPanel(ann.page, 'comments')
    const composer = ann.page.getByTestId('comment-new')
    const input = composer.getByTestId('comment-input')
    await input.click()
    await ann.page.keyboard.type(`What is the source, @${cleo.name.slice(0, 4)}`)
    await ann.page.getByTestId('mention-option').filter({ hasText: cleo.name }).click()
    await ann.page.keyboard.type('? <b>not bold</b>')
    await composer.getByTestId('comment-submit').click()
    await thread(ann.page, nodeId).waitFor()

    // Cleo sees it without reloading: the count on the node, the thread, the mention.
    await expect.poll(() => node(cleo.page, nodeId).getByTestId('node-comment-count').innerText()).toContain('1')
    await openPanel(cleo.page, 'comments')
    const cleosThread = thread(cleo.page, nodeId)
    await cleosThread.getByTestId('mentions-me').waitFor()
    await expect.poll(() => cleosThread.getByTestId('comment-mention').first().innerText()).toBe(`@${cleo.name}`)
    // [CM4] Hostile text is shown as the text it is.
    expect(await cleosThread.getByTestId('comment-body').first().innerText()).toContain('<b>not bold</b>')
    expect(await cleosThread.locator('b').count()).toBe(0)

    // Cleo replies; Ann and the facilitator see the reply live.
    const reply = cleosThread.getByTestId('comment-reply')
    await reply.getByTestId('comment-input').fill('The 2019 survey, page 4')
    await reply.getByTestId('comment-submit').click()
    await openPanel(facilitator.page, 'comments')
    for (const p of [ann, facilitator]) {
      await expect
        .poll(() => thread(p.page, nodeId).getByTestId('comment-body').allInnerTexts())
        .toEqual([expect.stringContaining('What is the source'), 'The 2019 survey, page 4'])
    }
    await expect.poll(() => node(ann.page, nodeId).getByTestId('node-comment-count').innerText()).toContain('2')

    // [CM3] Cleo's reply offers Ann no edit (the server refuses it too: comments-http.test.ts).
    const annsThread = thread(ann.page, nodeId)
    expect(await annsThread.getByTestId('comment').nth(1).getByTestId('comment-edit').count()).toBe(0)

    // The facilitator resolves the thread: it leaves everyone's open list and the node's count.
    await thread(facilitator.page, nodeId).getByTestId('comment-resolve').click()
    for (const p of [ann, cleo]) {
      await expect.poll(() => thread(p.page, nodeId).count()).toBe(0)
      await expect.poll(() => node(p.page, nodeId).getByTestId('node-comment-count').count()).toBe(0)
    }
    // Reopened from the resolved list, it comes back for everyone.
    await cleo.page.getByTestId('show-resolved').check()
    await thread(cleo.page, nodeId).getByTestId('comment-reopen').click()
    await expect.poll(() => node(ann.page, nodeId).getByTestId('node-comment-count').innerText()).toContain('2')
  })

  test('[HI1] [HI2] [HI3] a named checkpoint, a diff marked on the canvas, a restore that keeps later work, and its undo', async () => {
    const { facilitator, ann, cleo, nodeId } = await workshop()
    const fac = facilitator.page
    await openPanel(fac, 'history')
    expect(await ann.page.getByTestId('history-toggle').count()).toBe(1)
    await fac.getByTestId('checkpoint-name').fill('Agreed thesis')
    await fac.getByTestId('checkpoint-save').click()
    const named = fac.locator('[data-testid="checkpoint"][data-kind="named"]').filter({ hasText: 'Agreed thesis' })
    await named.waitFor()

    // Later work: Ann rewords the thesis, Cleo adds a node.
    await editText(ann.page, nodeId, 'Uniforms harm')
    const later = await addNode(cleo.page, 'argument', 'Added after the checkpoint')
    await nodeText(fac, nodeId).filter({ hasText: 'Uniforms harm' }).waitFor()
    await node(fac, later).waitFor()

    // The diff, listed and marked on the facilitator's canvas.
    await named.getByTestId('checkpoint-diff-now').click()
    const items = fac.getByTestId('diff-list').getByTestId('diff-item')
    await expect
      .poll(() => items.allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Node added: Added after the checkpoint/),
          expect.stringMatching(/^Node changed \(text\): Uniforms harm/),
        ]),
      )
    await expect.poll(() => node(fac, nodeId).locator('.crux-node').getAttribute('data-diff')).toBe('changed')
    expect(await node(fac, later).locator('.crux-node').getAttribute('data-diff')).toBe('added')

    // Only the facilitator may restore.
    await openPanel(ann.page, 'history')
    await ann.page.locator('[data-testid="checkpoint"][data-kind="named"]').first().waitFor()
    expect(await ann.page.getByTestId('checkpoint-restore').count()).toBe(0)

    // Restore the map: the thesis reads as agreed on every screen, Cleo's later node stays.
    await named.getByTestId('checkpoint-restore').click()
    for (const p of [fac, ann.page, cleo.page]) {
      await nodeText(p, nodeId).filter({ hasText: 'Uniforms help' }).waitFor()
      expect(await node(p, later).count()).toBe(1)
    }
    await fac
      .locator('[data-testid="checkpoint"][data-kind="restore"]')
      .filter({ hasText: 'Restored Agreed thesis' })
      .waitFor()

    // Undo the restore: Ann's wording comes back.
    await fac.getByTestId('restore-undo').click()
    for (const p of [fac, ann.page, cleo.page]) await nodeText(p, nodeId).filter({ hasText: 'Uniforms harm' }).waitFor()
    expect(await node(cleo.page, later).count()).toBe(1)

    // The named checkpoint opens read-only, as it was.
    const [opened] = await Promise.all([
      fac.context().waitForEvent('page'),
      named.getByTestId('checkpoint-open').click(),
    ])
    await opened!.getByTestId('checkpoint-page').waitFor()
    await opened!.locator(`.react-flow__node[data-id="${nodeId}"]`).filter({ hasText: 'Uniforms help' }).waitFor()
    expect(await opened!.locator(`.react-flow__node[data-id="${later}"]`).count()).toBe(0)
    expect(await opened!.getByTestId('add-claim').count()).toBe(0)
    await opened!.close()
  })

  test('owners see each person’s votes; experts do not', async () => {
    const { facilitator, ann, cleo, nodeId } = await workshop()
    for (const [p, value] of [
      [ann, 3],
      [cleo, 1],
    ] as const) {
      await node(p.page, nodeId).click()
      await p.page.getByTestId(`vote-${value}`).click()
      await expect.poll(() => p.page.getByTestId(`vote-${value}`).getAttribute('aria-checked')).toBe('true')
    }
    await node(facilitator.page, nodeId).click()
    const rows = facilitator.page.getByTestId('votes-by-person').getByTestId('person-votes')
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual([`${ann.name}: 3`, `${cleo.name}: 1`].sort((a, b) => a.localeCompare(b)))
    expect(await ann.page.getByTestId('votes-by-person').count()).toBe(0)
  })
})
