import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import * as Y from 'yjs'
import { readGraph, removeNodes, localOrigin } from '@/core/ydoc'
import { connectRaw, handshake, updateFrame } from '../support/rawClient'
import {
  createJoinCode,
  createMap,
  joinWithCode,
  newPerson,
  setOwnWork,
  signUp,
  unique,
  type Person,
} from './support/accounts'
import { launchBrowser } from './support/browser'
import {
  addNode,
  connect,
  edgeIds,
  node,
  nodeIds,
  nodeText,
  openMap,
  pickInOutline,
  waitForState,
} from './support/editor'

/**
 * [PA1], [PA3], [PA5], [PA9], [PA11], [PA12] A teacher and three students who
 * joined with a code, each in their own browser profile: authorship shows
 * everywhere, the locked thesis survives a student's Delete (refused in the
 * page, and at the server when sent anyway), a deleted node comes back from
 * "Recently deleted", and three simultaneous adds land apart.
 */
const baseURL = inject('baseURL')

let browser: Browser
let teacher: Person
let students: Person[]
let mapId: string
let thesis: string

beforeAll(async () => {
  browser = await launchBrowser()
  teacher = await newPerson(browser, baseURL, unique('Teacher'))
  await signUp(teacher.page, { name: teacher.name })
  mapId = await createMap(teacher.page, unique('Class debate'))
  const code = await createJoinCode(teacher.page, mapId, 'editor')
  students = await Promise.all(['Ann', 'Bob', 'Cid'].map((n) => newPerson(browser, baseURL, unique(n))))
  for (const s of students) await joinWithCode(s.page, code, s.name)
  await openMap(teacher.page, mapId)
  thesis = await addNode(teacher.page, 'claim', 'Belarus belongs in Europe')
  await node(teacher.page, thesis).click()
  await teacher.page.getByTestId('inspector-locked').check()
  for (const s of students) await node(s.page, thesis).getByTestId('node-locked').waitFor()
}, 180_000)
afterAll(async () => {
  await browser?.close()
})

const authorOn = (page: Page, id: string) => node(page, id).getByTestId('node-author').innerText()

describe('a teacher and three students', () => {
  test('[PA1] each node shows its author, the inspector who created and last edited it, the outline too', async () => {
    const [ann, bob] = students as [Person, Person]
    const mine = await addNode(ann.page, 'argument', 'Ann: guarantees deter')
    await node(bob.page, mine).waitFor()
    expect(await authorOn(bob.page, mine)).toBe(ann.name)
    expect(await authorOn(bob.page, thesis)).toBe(teacher.name)
    await node(bob.page, thesis).click()
    await expect.poll(() => bob.page.getByTestId('created-by').innerText()).toContain(`Created by ${teacher.name}`)
    await bob.page.getByTestId('outline-toggle').click()
    await expect
      .poll(() => bob.page.getByTestId('outline-author').allInnerTexts())
      .toEqual(expect.arrayContaining([`by ${ann.name}`, `by ${teacher.name}`]))
  }, 60_000)

  test("[PA5], [PA3] a student's Delete of the locked thesis is refused in the page, and at the server when sent anyway", async () => {
    const ann = students[0]!
    await node(ann.page, thesis).click()
    await ann.page.keyboard.press('Delete')
    await expect.poll(() => ann.page.getByTestId('editor-notice').innerText()).toContain('locked')
    expect(await nodeIds(ann.page)).toContain(thesis)
    // The same deletion as a hostile client would send it, with Ann's own token: refused and closed.
    const { token } = (await (await ann.page.request.get(`/api/maps/${mapId}/token`)).json()) as { token: string }
    const wsBase = `${baseURL.replace(/^http/, 'ws')}/ws`
    const raw = await connectRaw(wsBase, mapId, { origin: baseURL, token })
    await handshake(raw)
    const before = Y.encodeStateVector(raw.doc)
    removeNodes(raw.doc, [thesis], localOrigin())
    raw.send(updateFrame(Y.encodeStateAsUpdate(raw.doc, before)))
    expect((await raw.waitFor('permission-denied')).reason).toContain('locked')
    expect((await raw.closed).code).toBe(4409)
    // Everyone still has it; a fresh replica from the server too.
    for (const p of [teacher, ...students]) expect(await nodeIds(p.page)).toContain(thesis)
    const check = await connectRaw(wsBase, mapId, { origin: baseURL, token })
    await handshake(check)
    expect(readGraph(check.doc).nodes.map((n) => n.id)).toContain(thesis)
    check.close()
  }, 60_000)

  test('[PA9], [PA12] a node a student deleted comes back from "Recently deleted" for everyone', async () => {
    const bob = students[1]!
    const doomed = await addNode(bob.page, 'objection', 'Bob: neutrality is cheaper')
    await node(teacher.page, doomed).waitFor()
    await node(bob.page, doomed).click()
    await bob.page.keyboard.press('Delete')
    await node(teacher.page, doomed).waitFor({ state: 'detached' })
    await teacher.page.getByTestId('trash-toggle').click()
    const entry = teacher.page.locator(`[data-testid="trash-entry"][data-node-id="${doomed}"]`)
    await expect.poll(() => entry.innerText()).toContain(`deleted by ${bob.name}`)
    await entry.getByTestId('trash-restore').click()
    for (const p of [teacher, ...students]) await node(p.page, doomed).waitFor()
    expect(await authorOn(students[2]!.page, doomed)).toBe(bob.name)
    await teacher.page.getByTestId('trash-toggle').click()
  }, 60_000)

  test('[PA11] three students pressing "+ Argument" at the same moment get three nodes that do not overlap', async () => {
    const before = new Set(await nodeIds(teacher.page))
    await Promise.all(students.map((s) => s.page.getByTestId('add-argument').click()))
    await expect.poll(async () => (await nodeIds(teacher.page)).filter((id) => !before.has(id)).length).toBe(3)
    const fresh = (await nodeIds(teacher.page)).filter((id) => !before.has(id))
    const boxes = async () => Promise.all(fresh.map(async (id) => (await node(teacher.page, id).boundingBox())!))
    const overlapping = async () => {
      const b = await boxes()
      let pairs = 0
      for (let i = 0; i < b.length; i++)
        for (let j = i + 1; j < b.length; j++) {
          const [p, q] = [b[i]!, b[j]!]
          if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) pairs++
        }
      return pairs
    }
    await expect.poll(overlapping, { timeout: 10_000 }).toBe(0)
  }, 60_000)

  test("[PA12], [PA9] deleting a node that carries other people's work asks first; restored, it brings their relation back", async () => {
    const ann = students[0]!
    const premise = await addNode(ann.page, 'argument', 'Ann: a premise for the thesis')
    const relation = await connect(ann.page, premise, thesis, 'supports')
    // Attached, not visible: a vertical edge has a zero-width box that Playwright calls hidden.
    await teacher.page.locator(`.react-flow__edge[data-id="${relation}"]`).waitFor({ state: 'attached' })
    const asked: string[] = []
    const answer = (accept: boolean) =>
      teacher.page.once('dialog', (d) => {
        asked.push(d.message())
        void (accept ? d.accept() : d.dismiss())
      })
    answer(false)
    await node(teacher.page, thesis).click()
    await teacher.page.keyboard.press('Delete')
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toContain(ann.name)
    expect(await nodeIds(teacher.page)).toContain(thesis)
    answer(true)
    await node(teacher.page, thesis).click()
    await teacher.page.keyboard.press('Delete')
    await node(ann.page, thesis).waitFor({ state: 'detached' })
    await teacher.page.getByTestId('trash-toggle').click()
    await teacher.page
      .locator(`[data-testid="trash-entry"][data-node-id="${thesis}"]`)
      .getByTestId('trash-restore')
      .click()
    await node(ann.page, thesis).waitFor()
    await expect.poll(() => edgeIds(ann.page)).toContain(relation)
    expect(await authorOn(ann.page, thesis)).toBe(teacher.name)
  }, 60_000)

  test('[PA3], [PA10] an edit the server refuses (the policy turned on after the page loaded) is undone on that screen: the editor reloads the map and says why', async () => {
    const cid = students[2]!
    const framing = await addNode(teacher.page, 'claim', 'The teacher frames the debate')
    // Cid's page loads while the policy is off, so it believes it may edit the teacher's node...
    await setOwnWork(teacher.page, mapId, 'off')
    await cid.page.reload()
    await waitForState(cid.page, 'connected')
    await nodeText(cid.page, framing).filter({ hasText: 'The teacher frames the debate' }).waitFor()
    // ...then the teacher turns it back on: the server applies it to Cid's live connection at once.
    await setOwnWork(teacher.page, mapId, 'code')
    await openMap(teacher.page, mapId)
    // Typed as a person does; the server's refusal can undo it before a test could see it. Picked in the
    // outline first: after the reload the node can sit under Cid's toolbar, which took the double-click in CI.
    await pickInOutline(cid.page, 'The teacher frames the debate')
    await nodeText(cid.page, framing).dblclick()
    const input = node(cid.page, framing).getByTestId('node-text-input')
    await input.fill('Cid rewrites the framing')
    await input.press('Enter')
    await expect.poll(() => cid.page.getByTestId('editor-notice').innerText()).toContain('someone else')
    await nodeText(cid.page, framing).filter({ hasText: 'The teacher frames the debate' }).waitFor()
    await waitForState(cid.page, 'connected')
    expect(await nodeText(teacher.page, framing).innerText()).toBe('The teacher frames the debate')
  }, 90_000)
})
