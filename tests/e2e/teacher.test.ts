import { beforeAll, describe, expect, inject, test } from 'vitest'
import { addNode as addNodeOp, localOrigin, readGraph, setVote } from '@/core/ydoc'
import { connectRaw, handshake } from '../support/rawClient'
import { newPerson, signUp, unique, type Person } from './support/accounts'
import { browserPerFile } from './support/browser'
import { assignNewMap, choosePhase, createClass, joinClass, setTeam, waitForPhase } from './support/classes'
import fs from 'node:fs'
import { addNode, edgeIds, node, nodeIds, openMap, pickInOutline, presenceNames } from './support/editor'
import { made, rawWrite, refusedInPage } from './support/phaseChecks'

/**
 * The teacher's console in Chromium: a teacher and three students, each in
 * their own browser profile. Students join the class with its one code and
 * need no email ([PK1]–[PK4]); every phase is enforced in the page and, when
 * a student sends the forbidden write as raw frames anyway, at the server
 * ([PP2], [PP3], [PP5]).
 */
const baseURL = inject('baseURL')
const wsBase = `${baseURL.replace(/^http/, 'ws')}/ws`
const people = browserPerFile()

let teacher: Person
let students: Person[]
let classId: string
let code: string
let mapIds: string[]
/** Team Red's copy of the first map ([PG1]), made by the group-maps test. */
let redCopy: string

beforeAll(async () => {
  teacher = await newPerson(people.browser, baseURL, unique('Teacher'))
  students = await Promise.all(['Ann', 'Bob', 'Cid'].map((n) => newPerson(people.browser, baseURL, unique(n))))
  people.keep(teacher, ...students)
  await signUp(teacher.page, { name: teacher.name })
  ;({ classId, code } = await createClass(teacher.page, unique('9B debate')))
  mapIds = [
    await assignNewMap(teacher.page, unique('NATO membership')),
    await assignNewMap(teacher.page, unique('Neutrality')),
  ]
  for (const s of students) await joinClass(s.page, code, s.name)
  await teacher.page.reload()
  await setTeam(teacher.page, students[0]!.name, 'Red')
  await setTeam(teacher.page, students[1]!.name, 'Blue')
  await setTeam(teacher.page, students[2]!.name, 'Red')
}, 180_000)

describe('a teacher and three students in a class', () => {
  test('[PK1] [PK2] [PK3] [PK4] students join with the class code, no email; each sees both class maps and edits them in their team', async () => {
    const rows = teacher.page.getByTestId('student-name')
    expect((await rows.allInnerTexts()).sort()).toEqual(students.map((s) => s.name).sort())
    for (const s of students) {
      await s.page.reload()
      await expect.poll(() => s.page.getByTestId('class-map').count()).toBe(2)
    }
    expect(await students[1]!.page.getByTestId('student-team').innerText()).toContain('Blue')
    // One identity on both maps: the same account opens each as an editor.
    for (const mapId of mapIds) {
      const res = await students[0]!.page.request.get(`/api/maps/${mapId}/token`)
      expect(await res.json()).toMatchObject({ role: 'editor', group: 'Red' })
    }
  }, 60_000)

  test('[PK2] managed students get a printable sign-in list; a personal code signs one in on a fresh device', async () => {
    await teacher.page.goto(`/classes/${classId}`)
    await teacher.page.getByTestId('roster-names').fill('Dee Managed\nEli Managed')
    await teacher.page.getByTestId('roster-form').getByRole('button', { name: 'Add students' }).click()
    const lines = teacher.page.getByTestId('signin-line')
    await expect.poll(() => lines.count()).toBe(2)
    const deeCode = (await lines.filter({ hasText: 'Dee Managed' }).getByTestId('personal-code').innerText()).trim()
    const dee = await newPerson(people.browser, baseURL, 'Dee Managed')
    people.keep(dee)
    await dee.page.goto('/signin')
    await dee.page.getByTestId('code-signin-form').getByLabel('Personal code').fill(deeCode.toLowerCase())
    await dee.page.getByTestId('code-signin-form').getByRole('button', { name: 'Sign in with my code' }).click()
    await dee.page.getByTestId('signed-in-as').filter({ hasText: 'Dee Managed' }).waitFor()
    await dee.page.goto(`/classes/${classId}`)
    await expect.poll(() => dee.page.getByTestId('class-map').count()).toBe(2)
  }, 60_000)

  test('[PP2] [PP3] [PP5] each phase is shown to everyone and enforced: in the page, and at the server for raw frames', async () => {
    const mapId = mapIds[0]!
    const [ann, bob, cid] = students as [Person, Person, Person]
    for (const p of [teacher, ...students]) await openMap(p.page, mapId)
    const thesis = await addNode(teacher.page, 'claim', 'Belarus should join NATO')
    for (const s of students) await node(s.page, thesis).waitFor()

    // Prepare: the teacher only.
    await choosePhase(teacher.page, 'Prepare')
    for (const s of students) await waitForPhase(s.page, 'Prepare')
    await refusedInPage(ann.page, 'claim')
    expect(
      await rawWrite(ann.page, baseURL, mapId, (d) => addNodeOp(d, made('raw-prep', 'claim'), localOrigin())),
    ).toMatchObject({ code: 4409, reason: expect.stringContaining('during Prepare') })
    const teacherPrep = await addNode(teacher.page, 'evidence', 'Teacher: the 2020 protests')

    // Open: claims and evidence, not objections.
    await choosePhase(teacher.page, 'Open')
    for (const s of students) await waitForPhase(s.page, 'Open')
    expect(await ann.page.getByTestId('phase-banner').innerText()).toContain('claims')
    const annClaim = await addNode(ann.page, 'claim', 'Ann: NATO guarantees deter')
    await node(teacher.page, annClaim).waitFor()
    await refusedInPage(bob.page, 'objection')
    expect(
      await rawWrite(bob.page, baseURL, mapId, (d) => addNodeOp(d, made('raw-open', 'objection'), localOrigin())),
    ).toMatchObject({ code: 4409, reason: expect.stringContaining('during Open') })

    // Rebut: only objections and attacks.
    await choosePhase(teacher.page, 'Rebut')
    for (const s of students) await waitForPhase(s.page, 'Rebut')
    await refusedInPage(cid.page, 'claim')
    expect(
      await rawWrite(cid.page, baseURL, mapId, (d) => addNodeOp(d, made('raw-rebut', 'claim'), localOrigin())),
    ).toMatchObject({ code: 4409, reason: expect.stringContaining('during Rebut') })
    const bobObjection = await addNode(bob.page, 'objection', 'Bob: Russia would react')
    await node(teacher.page, bobObjection).waitFor()
    // No voting in Rebut: the control is not offered, and a raw vote is refused.
    await node(ann.page, thesis).click()
    expect(await ann.page.getByTestId('vote-4').count()).toBe(0)
    expect(
      await rawWrite(ann.page, baseURL, mapId, (d) =>
        setVote(d, { nodeId: thesis, userId: 'x', value: 3 }, localOrigin()),
      ),
    ).toMatchObject({ code: 4409 })

    // Vote: only votes.
    await choosePhase(teacher.page, 'Vote')
    for (const s of students) await waitForPhase(s.page, 'Vote')
    await node(ann.page, thesis).click()
    await ann.page.getByTestId('vote-4').click()
    await node(teacher.page, thesis).click()
    await expect.poll(() => teacher.page.getByTestId('vote-summary').getAttribute('data-count')).toBe('1')
    await refusedInPage(ann.page, 'objection')

    // Closed: read only, the teacher included.
    await choosePhase(teacher.page, 'Closed')
    for (const s of students) await waitForPhase(s.page, 'Closed')
    await refusedInPage(teacher.page, 'claim')
    expect(
      await rawWrite(teacher.page, baseURL, mapId, (d) => addNodeOp(d, made('raw-closed', 'claim'), localOrigin())),
    ).toMatchObject({ code: 4409, reason: expect.stringContaining('during Closed') })

    // Nothing refused reached anyone; everything allowed did.
    const ids = await nodeIds(cid.page)
    expect(ids).toEqual(expect.arrayContaining([thesis, teacherPrep, annClaim, bobObjection]))
    expect(ids.filter((id) => id.startsWith('raw-'))).toEqual([])
    const check = await connectRaw(wsBase, mapId, {
      origin: baseURL,
      token: ((await (await teacher.page.request.get(`/api/maps/${mapId}/token`)).json()) as { token: string }).token,
    })
    await handshake(check)
    expect(readGraph(check.doc).nodes.filter((n) => n.id.startsWith('raw-'))).toEqual([])
    check.close()
  }, 180_000)

  test('[PP1] a student cannot change the phase: the route refuses them', async () => {
    const res = await students[0]!.page.request.put(`/api/maps/${mapIds[1]}/phase`, {
      data: { phase: 'Open' },
      headers: { origin: baseURL },
    })
    expect(res.status()).toBe(403)
    const own = await teacher.page.request.put(`/api/maps/${mapIds[1]}/phase`, {
      data: { phase: 'Open' },
      headers: { origin: baseURL },
    })
    expect(own.status()).toBe(200)
    expect(((await own.json()) as { current: { name: string } }).current.name).toBe('Open')
  }, 30_000)

  test('[DD3] a student typing a near-copy of a node sees it, and uses it instead of adding a duplicate', async () => {
    const mapId = mapIds[1]!
    const [ann, bob] = students as [Person, Person]
    await openMap(ann.page, mapId)
    await openMap(bob.page, mapId)
    await waitForPhase(bob.page, 'Open')
    const original = await addNode(ann.page, 'claim', 'Belarus was long considered a buffer zone of sorts.')
    await node(bob.page, original).waitFor()
    const before = await nodeIds(bob.page)
    await bob.page.getByTestId('add-claim').click()
    const draft = bob.page.locator('.react-flow__node.selected')
    const draftId = (await draft.getAttribute('data-id'))!
    expect(before).not.toContain(draftId)
    await bob.page.waitForFunction(
      (nid) => (document.activeElement as HTMLElement | null)?.dataset?.id === nid,
      draftId,
    )
    await bob.page.keyboard.press('Enter')
    await node(bob.page, draftId)
      .getByTestId('node-text-input')
      .pressSequentially('Belarus was considered a buffer zone')
    const match = node(bob.page, draftId).locator(`[data-testid="duplicate-match"][data-node-id="${original}"]`)
    await match.waitFor()
    await match.getByTestId('use-duplicate').click()
    await node(bob.page, draftId).waitFor({ state: 'detached' })
    await expect.poll(() => bob.page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe(original)
    // Nobody got the copy: Ann's map still holds one node saying it.
    await expect.poll(async () => (await nodeIds(ann.page)).includes(draftId)).toBe(false)
    expect(await nodeIds(ann.page)).toEqual(expect.arrayContaining([original]))
  }, 60_000)

  test('[PN1] [PN4] anonymity on: students see one another as pseudonyms, the teacher sees names; off again: names', async () => {
    const mapId = mapIds[1]!
    const [ann, bob] = students as [Person, Person]
    for (const p of [teacher, ann, bob]) await openMap(p.page, mapId)
    const annNode = await addNode(ann.page, 'claim', 'Ann: neutrality costs more than membership')
    const authorAt = (p: Person) => node(p.page, annNode).getByTestId('node-author').innerText()
    await expect.poll(() => authorAt(bob)).toBe(ann.name)
    await teacher.page.getByTestId('anonymity-toggle').click()
    for (const s of [ann, bob]) await s.page.getByTestId('anonymous-notice').waitFor()
    await expect.poll(() => authorAt(bob)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
    const alias = await authorAt(bob)
    expect(alias).not.toContain('Ann')
    await expect.poll(() => presenceNames(bob.page)).toContain(alias)
    expect((await presenceNames(bob.page)).join(' ')).not.toContain(ann.name)
    // The teacher sees through it, on the node and in presence.
    await expect.poll(() => authorAt(teacher)).toBe(ann.name)
    await expect.poll(() => presenceNames(teacher.page)).toContain(ann.name)
    // What the server sends Bob holds no real name of Ann's at all.
    const { token } = (await (await bob.page.request.get(`/api/maps/${mapId}/token`)).json()) as { token: string }
    const raw = await connectRaw(wsBase, mapId, { origin: baseURL, token })
    await handshake(raw)
    expect(JSON.stringify(raw.doc.toJSON())).not.toContain(ann.name)
    raw.close()
    await teacher.page.getByTestId('anonymity-toggle').click()
    await bob.page.getByTestId('anonymous-notice').waitFor({ state: 'detached' })
    await expect.poll(() => authorAt(bob)).toBe(ann.name)
  }, 90_000)

  test("[PM1] [PM2] [PM3] review mode: a student's node waits, styled; the teacher approves one and rejects one with a reason the author sees", async () => {
    const mapId = mapIds[1]!
    const [ann, bob, cid] = students as [Person, Person, Person]
    for (const p of [teacher, ...students]) await openMap(p.page, mapId)
    await teacher.page.getByTestId('review-toggle').click()
    for (const s of students) await s.page.getByTestId('review-notice').waitFor()
    const waiting = await addNode(ann.page, 'claim', 'Ann: membership deters an attack')
    await node(bob.page, waiting).getByTestId('node-pending').waitFor()
    const queue = teacher.page.getByTestId('review-item')
    await teacher.page.locator(`[data-testid="review-item"][data-node-id="${waiting}"]`).waitFor()
    // A raw node without "pending" is refused at the server.
    expect(
      await rawWrite(cid.page, baseURL, mapId, (d) => addNodeOp(d, made('raw-unreviewed', 'claim'), localOrigin())),
    ).toMatchObject({ code: 4409, reason: expect.stringContaining('review') })
    const doomed = await addNode(bob.page, 'claim', 'Bob: off topic remark')
    await teacher.page.locator(`[data-testid="review-item"][data-node-id="${doomed}"]`).waitFor()
    await teacher.page
      .locator(`[data-testid="review-item"][data-node-id="${waiting}"]`)
      .getByTestId('review-approve')
      .click()
    await node(bob.page, waiting).getByTestId('node-pending').waitFor({ state: 'detached' })
    const item = teacher.page.locator(`[data-testid="review-item"][data-node-id="${doomed}"]`)
    await item.getByTestId('review-reason').fill('Not about the question')
    await item.getByTestId('review-reject').click()
    await expect
      .poll(() => node(bob.page, doomed).getByTestId('node-rejected').innerText())
      .toBe('Rejected: Not about the question')
    await expect.poll(() => queue.count()).toBe(0)
    expect(await nodeIds(cid.page)).not.toContain('raw-unreviewed')
    await teacher.page.getByTestId('review-toggle').click()
    await expect.poll(() => teacher.page.getByTestId('review-queue').count()).toBe(0)
  }, 90_000)

  test('[PG1] [PG2] a template copied to each team in one step; each team sees only its own copy; the teacher sees them side by side', async () => {
    await teacher.page.goto(`/classes/${classId}`)
    await teacher.page
      .locator(`[data-testid="class-map"][data-map-id="${mapIds[0]}"]`)
      .getByTestId('copy-to-teams')
      .click()
    await teacher.page.waitForURL(/\/teams\//)
    const copies = teacher.page.getByTestId('team-copy')
    await expect.poll(() => copies.count()).toBe(2)
    expect((await copies.evaluateAll((els) => els.map((e) => e.getAttribute('data-team')))).sort()).toEqual([
      'Blue',
      'Red',
    ])
    redCopy = (await teacher.page.locator('[data-testid="team-copy"][data-team="Red"]').getAttribute('data-map-id'))!
    const blueCopy = (await teacher.page
      .locator('[data-testid="team-copy"][data-team="Blue"]')
      .getAttribute('data-map-id'))!
    const ann = students[0]!
    await ann.page.goto(`/classes/${classId}`)
    await ann.page.locator(`[data-testid="class-map"][data-map-id="${redCopy}"]`).waitFor()
    expect(await ann.page.locator(`[data-testid="class-map"][data-map-id="${blueCopy}"]`).count()).toBe(0)
    expect((await ann.page.request.get(`/api/maps/${blueCopy}/token`)).status()).toBe(404)
  }, 60_000)

  test("[DB1] [DB2] [DB4] the dashboard's counts match what the students did; a finding focuses its node; CSV export", async () => {
    const [ann, , cid] = students as [Person, Person, Person]
    for (const p of [teacher, ann, cid]) await openMap(p.page, redCopy)
    await addNode(ann.page, 'claim', 'Ann: the dashboard claim')
    const evidence = await addNode(ann.page, 'evidence', 'Ann: evidence with no source')
    // Through the connect picker, not by dragging: on a map this full, a node can sit under Ann's minimap.
    await node(ann.page, evidence).waitFor()
    const edgesBefore = (await edgeIds(ann.page)).length
    await ann.page.getByTestId('connect-open').click()
    await ann.page.getByTestId('connect-search').fill('Ann: the dashboard claim')
    await ann.page
      .locator('label.crux-picker-option', { hasText: 'Ann: the dashboard claim' })
      .getByTestId('connect-option')
      .check()
    await ann.page.getByTestId('connect-kind-supports').check()
    await ann.page.getByTestId('connect-confirm').click()
    await expect.poll(async () => (await edgeIds(ann.page)).length).toBe(edgesBefore + 1)
    // Through the outline, as a keyboard user would: on Cid's screen the new claim may sit under the minimap.
    await pickInOutline(cid.page, 'Ann: the dashboard claim')
    await cid.page.getByTestId('vote-4').click()
    await teacher.page.getByTestId('dashboard-toggle').click()
    const cells = async (who: string, kind = 'person') => {
      const row = teacher.page.locator(`[data-testid="dashboard-${kind}"]`).filter({ hasText: who })
      return Object.fromEntries(
        await Promise.all(
          ['nodes', 'relations', 'votes', 'replies'].map(async (c) => [
            c,
            await row.locator(`[data-col="${c}"]`).innerText(),
          ]),
        ),
      )
    }
    await expect.poll(() => cells(ann.name)).toEqual({ nodes: '2', relations: '1', votes: '0', replies: '0' })
    await expect.poll(() => cells(cid.name)).toEqual({ nodes: '0', relations: '0', votes: '1', replies: '0' })
    await expect.poll(() => cells('Team Red', 'team')).toEqual({ nodes: '2', relations: '1', votes: '1', replies: '0' })
    const finding = teacher.page.locator(
      `[data-testid="dashboard-finding"][data-kind="unsourced-evidence"][data-node-id="${evidence}"]`,
    )
    await finding.click()
    await expect.poll(() => teacher.page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe(evidence)
    const [download] = await Promise.all([
      teacher.page.waitForEvent('download'),
      teacher.page.getByTestId('dashboard-csv').click(),
    ])
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    expect(csv).toContain(`"person","${ann.name}","Red","2","1","0",`)
    expect(csv).toContain(`"unsourced-evidence","${evidence}"`)
  }, 90_000)

  test('[PF1] [PF2] teacher feedback on a node: private reaches its author only, public everyone', async () => {
    const [ann, , cid] = students as [Person, Person, Person]
    for (const p of [teacher, ann, cid]) await openMap(p.page, redCopy)
    const annNode = await addNode(ann.page, 'claim', 'Ann: a claim that needs feedback')
    await node(teacher.page, annNode).waitFor()
    // Selected through the outline, as a keyboard user selects: on a map this full, Ann's new node can sit
    // under the teacher's minimap, which takes the click.
    await pickInOutline(teacher.page, 'Ann: a claim that needs feedback')
    await expect.poll(() => node(teacher.page, annNode).getAttribute('class')).toContain('selected')
    const send = async (text: string, visibility: 'private' | 'public') => {
      await teacher.page.getByTestId('feedback-body').fill(text)
      await teacher.page.getByTestId('feedback-visibility').selectOption(visibility)
      await teacher.page.getByTestId('feedback-send').click()
      await teacher.page.getByTestId('feedback-status').waitFor()
    }
    await send('Private: cite the article for this.', 'private')
    await send('Public: a good example for everyone.', 'public')
    for (const s of [ann, cid]) await s.page.getByTestId('comments-toggle').click()
    const bodies = (p: Person) => p.page.getByTestId('comment-body').allInnerTexts()
    await expect
      .poll(() => bodies(ann))
      .toEqual(expect.arrayContaining(['Private: cite the article for this.', 'Public: a good example for everyone.']))
    // Cid gets the public one; waiting for it first means the private one had every chance to arrive.
    await expect.poll(() => bodies(cid)).toContain('Public: a good example for everyone.')
    expect(await bodies(cid)).not.toContain('Private: cite the article for this.')
  }, 60_000)
})
