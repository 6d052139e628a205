import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addNode, localOrigin, readAuthorship } from '@/core/ydoc'
import type { Services } from '@/server/app/services'
import { RosterSchema, normalizePersonalCode } from '@/server/teaching/classes'
import { copyToTeams } from '@/server/teaching/groupMaps'
import { graphOf } from '../support/services'
import { honestClient, person, startRealServer, serverDoc, type RealServer } from './security/realServer'
import { claim } from '../support/graph'
import { eventually } from '../../harness/syncHarness'

/**
 * [PK1]–[PK5] Classes on the real services and a real SQLite database: one
 * join code, students with no email and one identity across the class's
 * maps, roles granted by assigning a map, and team moves that keep work.
 */
let srv: RealServer
let services: Services
beforeAll(async () => {
  srv = await startRealServer()
  services = srv.services
})
afterAll(() => srv.stop())

describe('classes', () => {
  test('[PK1] a class has one join code, its creator teaches it, nobody else does', async () => {
    const teacher = await person(services, 'Teacher')
    const other = await person(services, 'Other')
    const c = await services.classes.create(teacher.id, '9B Debate')
    expect(c.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(await services.classes.isTeacher(c.id, teacher.id)).toBe(true)
    expect(await services.classes.isTeacher(c.id, other.id)).toBe(false)
    expect(await services.classes.isTeacher(c.id, null)).toBe(false)
    expect(await services.classes.isClassCode(c.joinCode.toLowerCase().replace('-', ' '))).toBe(true)
  })

  test('[PK2] a roster makes managed accounts with personal codes; a code signs its student in; reissuing voids the old code', async () => {
    const teacher = await person(services, 'Teacher')
    const c = await services.classes.create(teacher.id, 'Roster class')
    const names = RosterSchema.parse('Ann Example\n\n  Bob Example \r\nCid Example\n')
    expect(names).toEqual(['Ann Example', 'Bob Example', 'Cid Example'])
    expect(RosterSchema.safeParse('ok\nbad\u202ename').success).toBe(false)
    const lines = await services.classes.addStudents(c.id, names)
    expect(lines.map((l) => l.name)).toEqual(names)
    expect(new Set(lines.map((l) => l.code)).size).toBe(3)
    const ann = lines[0]!
    expect((await services.classes.userForPersonalCode(ann.code.toLowerCase().replaceAll('-', ' ')))?.id).toBe(
      ann.userId,
    )
    expect(await services.classes.userForPersonalCode('AAAA-BBBB-CCCC')).toBeNull()
    // Only the hash is kept.
    const row = await services.db.user.findUnique({ where: { id: ann.userId } })
    expect(row?.email).toBeNull()
    expect(JSON.stringify(row)).not.toContain(normalizePersonalCode(ann.code))
    const [fresh] = await services.classes.reissueCodes(c.id, [ann.userId])
    expect(await services.classes.userForPersonalCode(ann.code)).toBeNull()
    expect((await services.classes.userForPersonalCode(fresh!.code))?.id).toBe(ann.userId)
  })

  test('[PK2] [PK3] [PK4] joining by the class code gives an account with a personal code; assigned maps, earlier and later, grant the roles', async () => {
    const teacher = await person(services, 'Teacher')
    const c = await services.classes.create(teacher.id, 'Join class')
    const early = await services.maps.create({ title: 'Before', ownerId: teacher.id })
    await services.classes.assignMap(c.id, early.id)
    const joined = await services.classes.joinByCode(c.joinCode, { name: 'Dee' })
    if (!joined.ok) throw new Error(joined.error)
    expect(joined.personalCode).not.toBeNull()
    expect(await services.classes.joinByCode('ZZZZ-ZZZZ', { name: 'Eve' })).toMatchObject({ ok: false })
    const late = await services.maps.create({ title: 'After' })
    await services.classes.assignMap(c.id, late.id)
    for (const mapId of [early.id, late.id]) {
      expect((await services.access.grant(mapId, joined.userId)).role).toBe('editor')
      expect((await services.access.grant(mapId, teacher.id)).role).toBe('owner')
    }
    // Class students are bound by the own-work policy like code-joined ones.
    expect((await services.access.grant(late.id, joined.userId)).ownWork).toBe(true)
    // The same person (one account) on both maps, signed in again by their code.
    expect((await services.classes.userForPersonalCode(joined.personalCode!))?.id).toBe(joined.userId)
    const view = await services.classes.view(c.id)
    expect(view?.maps.map((m) => m.title)).toEqual(['Before', 'After'])
    expect(view?.members.filter((m) => m.role === 'student').map((m) => m.name)).toEqual(['Dee'])
  })

  test('[PK5] moving a student to another team keeps what they wrote, and their team on the map follows at once', async () => {
    const teacher = await person(services, 'Teacher')
    const c = await services.classes.create(teacher.id, 'Teams class')
    const [ann] = await services.classes.addStudents(c.id, ['Ann'], 'Red')
    const map = await services.maps.create({ title: 'Team debate' })
    await services.classes.assignMap(c.id, map.id)
    expect((await services.access.grant(map.id, ann!.userId)).group).toBe('Red')
    const annPerson = { id: ann!.userId, name: 'Ann' }
    const client = await honestClient(srv, annPerson, map.id, 'editor')
    try {
      addNode(client.doc, claim('ann-claim'), localOrigin())
      const server = await serverDoc(srv, map.id)
      await eventually(
        () => readAuthorship(server).get('ann-claim')?.createdBy?.userId === ann!.userId,
        'Ann authored her claim',
      )
      const closed = new Promise<number>((resolve) =>
        client.provider.ws?.addEventListener('close', (e) => resolve(e.code), { once: true }),
      )
      expect(await services.classes.moveStudent(c.id, ann!.userId, 'Blue')).toBe(true)
      expect(await closed).toBe(4501)
      expect((await services.access.grant(map.id, ann!.userId)).group).toBe('Blue')
      expect(readAuthorship(server).get('ann-claim')?.createdBy?.userId).toBe(ann!.userId)
      expect((await services.access.grant(map.id, ann!.userId)).role).toBe('editor')
    } finally {
      client.destroy()
    }
    // A teacher cannot be "moved" as a student.
    expect(await services.classes.moveStudent(c.id, teacher.id, 'Blue')).toBe(false)
  })

  test('[PG1] [PG2] a template copied to each team in one step: each team gets its own map; later template changes stay out of them', async () => {
    const teacher = await person(services, 'Teacher')
    const c = await services.classes.create(teacher.id, 'Groups class')
    const [red] = await services.classes.addStudents(c.id, ['Rae'], 'Red')
    const [blue] = await services.classes.addStudents(c.id, ['Bea'], 'Blue')
    const template = await services.maps.create({
      title: 'Template',
      ownerId: teacher.id,
      content: { title: 'Template', nodes: [claim('thesis')], relations: [], votes: [] },
    })
    await services.classes.assignMap(c.id, template.id)
    const result = await copyToTeams(services, c.id, template.id, teacher.id)
    if (!result.ok) throw new Error(result.error)
    expect(result.copies.map((x) => x.team)).toEqual(['Blue', 'Red'])
    const redCopy = result.copies.find((x) => x.team === 'Red')!.mapId
    const blueCopy = result.copies.find((x) => x.team === 'Blue')!.mapId
    expect((await services.access.grant(redCopy, red!.userId)).role).toBe('editor')
    expect((await services.access.grant(redCopy, blue!.userId)).role).toBeNull()
    expect((await services.access.grant(blueCopy, teacher.id)).role).toBe('owner')
    expect((await graphOf(services, redCopy)).nodes.map((n) => n.id)).toEqual(['thesis'])
    // The teacher changes the template afterwards: no team copy follows.
    await services.maps.replaceContent(template.id, {
      title: 'Template',
      nodes: [claim('thesis'), claim('late')],
      relations: [],
      votes: [],
    })
    expect((await graphOf(services, redCopy)).nodes.map((n) => n.id)).toEqual(['thesis'])
    // Copying again does not fork a team's work.
    const again = await copyToTeams(services, c.id, template.id, teacher.id)
    expect(again.ok && again.copies.map((x) => x.mapId).sort()).toEqual([redCopy, blueCopy].sort())
    // [PK5] Moving Rae to Blue takes her out of Red's copy and into Blue's; her account is the same.
    await services.classes.moveStudent(c.id, red!.userId, 'Blue')
    expect((await services.access.grant(redCopy, red!.userId)).role).toBeNull()
    expect((await services.access.grant(blueCopy, red!.userId)).role).toBe('editor')
  })
})
