import { afterAll, beforeAll, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { ArgNode, NodeKind } from '@/core/graph'
import { DEFAULT_PHASES } from '@/core/permissions'
import { addNode, localOrigin, readGraph, setVote } from '@/core/ydoc'
import { CLOSE_ROLE_CHANGED } from '@/server/sync/SyncServer'
import { CLOSE_EDIT_REFUSED } from '@/server/sync/Room'
import { connectRaw, handshake, updateFrame, type RawClient } from '../../support/rawClient'
import { eventually } from '../../../harness/syncHarness'
import {
  honestClient,
  person,
  privateMap,
  serverDoc,
  startRealServer,
  tokenFor,
  type Person,
  type RealServer,
} from './realServer'

/**
 * [PP1], [PP2], [PP5] Phases on the real sync server with hand-built frames:
 * the phase stored for the map judges every update, and a change of phase
 * judges the next frame of every open socket, then closes it with 4501 so
 * the client reloads its session (and screen) with the new phase.
 */
const me = localOrigin()
const make = (id: string, kind: NodeKind): ArgNode => ({ id, kind, text: id, x: 0, y: 0, pinned: false })

let srv: RealServer
let teacher: Person
let student: Person
let mapId: string

beforeAll(async () => {
  srv = await startRealServer()
  teacher = await person(srv.services, 'Teacher')
  student = await person(srv.services, 'Student')
  mapId = await privateMap(srv.services, teacher, [[student, 'editor']])
})
afterAll(() => srv.stop())

async function studentSocket(): Promise<RawClient> {
  const raw = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, student, mapId, 'editor'),
  })
  await handshake(raw)
  return raw
}

function send(raw: RawClient, edit: (doc: Y.Doc) => void): void {
  const before = Y.encodeStateVector(raw.doc)
  edit(raw.doc)
  raw.send(updateFrame(Y.encodeStateAsUpdate(raw.doc, before)))
}

test('[PP1] a map starts with no phase and the default set; only phases of its set can be chosen; a custom set replaces it', async () => {
  const { phases } = srv.services
  expect(await phases.of(mapId)).toEqual({ set: DEFAULT_PHASES, current: null })
  expect(await phases.set(mapId, 'Brainstorm')).toMatchObject({ ok: false })
  const own = [{ name: 'Brainstorm', nodes: ['claim' as const], relations: [], votes: false, ownersToo: false }]
  await phases.define(mapId, own)
  expect((await phases.set(mapId, 'brainstorm')).ok).toBe(true)
  expect((await srv.services.access.grant(mapId, student.id)).phase?.name).toBe('Brainstorm')
  await expect(phases.define(mapId, [])).rejects.toThrow()
  // Back to the default set: the current phase, absent from it, ends.
  await phases.define(mapId, DEFAULT_PHASES)
  expect((await phases.of(mapId))?.current).toBeNull()
})

test('[PP2] [PP5] during Rebut a raw claim is refused with 4409 and not stored; moving to Vote judges the next frame of a live socket and closes it with 4501', async () => {
  await srv.services.phases.set(mapId, 'Rebut')
  const refused = await studentSocket()
  send(refused, (d) => addNode(d, make('c-rebut', 'claim'), me))
  const end = await refused.closed
  expect(end.code).toBe(CLOSE_EDIT_REFUSED)
  expect(end.reason).toContain('during Rebut')
  const server = await serverDoc(srv, mapId).catch(() => null)
  if (server) expect(readGraph(server).nodes.some((n) => n.id === 'c-rebut')).toBe(false)

  // A teacher stays connected so the room (and its doc) stays live across the student's sockets.
  const watcher = await honestClient(srv, teacher, mapId, 'owner')
  try {
    const live = await studentSocket()
    const room = await srv.services.sync.rooms.live(mapId)!
    const studentPhase = () => room.accessOf(room.peersWhere((_, a) => a.userId === student.id)[0]!)?.phase?.name
    expect(studentPhase()).toBe('Rebut')
    send(live, (d) => addNode(d, make('o-rebut', 'objection'), me))
    await eventually(() => readGraph(watcher.doc).nodes.some((n) => n.id === 'o-rebut'), 'the objection at the teacher')
    await srv.services.phases.set(mapId, 'Vote')
    // The socket is told to reconnect so its screen shows the new phase.
    expect((await live.closed).code).toBe(CLOSE_ROLE_CHANGED)
    const voter = await studentSocket()
    send(voter, (d) => setVote(d, { nodeId: 'o-rebut', userId: student.id, value: 3 }, me))
    await eventually(() => readGraph(watcher.doc).votes.some((v) => v.userId === student.id), 'the vote at the teacher')
    send(voter, (d) => addNode(d, make('o-vote', 'objection'), me))
    expect((await voter.closed).code).toBe(CLOSE_EDIT_REFUSED)
    expect(readGraph(await serverDoc(srv, mapId)).nodes.some((n) => n.id === 'o-vote')).toBe(false)
  } finally {
    watcher.destroy()
  }
})

test('[PP2] during Prepare only the teacher writes; Closed is read only for the teacher too', async () => {
  await srv.services.phases.set(mapId, 'Prepare')
  const teacherRaw = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, teacher, mapId, 'owner'),
  })
  await handshake(teacherRaw)
  send(teacherRaw, (d) => addNode(d, make('t-prep', 'claim'), me))
  const server = await serverDoc(srv, mapId)
  await eventually(() => readGraph(server).nodes.some((n) => n.id === 't-prep'), 'the teacher writes during Prepare')
  const raw = await studentSocket()
  send(raw, (d) => addNode(d, make('s-prep', 'claim'), me))
  expect((await raw.closed).code).toBe(CLOSE_EDIT_REFUSED)
  await srv.services.phases.set(mapId, 'Closed')
  expect((await teacherRaw.closed).code).toBe(CLOSE_ROLE_CHANGED)
  const closedTeacher = await connectRaw(srv.wsBase, mapId, {
    origin: srv.origin,
    token: await tokenFor(srv.services, teacher, mapId, 'owner'),
  })
  await handshake(closedTeacher)
  send(closedTeacher, (d) => addNode(d, make('t-closed', 'claim'), me))
  const end = await closedTeacher.closed
  expect(end.code).toBe(CLOSE_EDIT_REFUSED)
  expect(end.reason).toContain('during Closed')
})

test('[PP6] a new set saved with the phase to be in renames the current phase without leaving it; a phase the set lacks is refused and changes nothing; any new set closes live sockets with 4501', async () => {
  const { phases } = srv.services
  const brainstorm = { name: 'Brainstorm', nodes: ['claim' as const], relations: [], votes: false, ownersToo: false }
  await phases.define(mapId, [brainstorm])
  await phases.set(mapId, 'Brainstorm')
  const renamed = { ...brainstorm, name: 'Ideas' }
  expect(await phases.define(mapId, [renamed], 'Ideas')).toMatchObject({ ok: true, phase: { name: 'Ideas' } })
  expect((await srv.services.access.grant(mapId, student.id)).phase?.name).toBe('Ideas')
  expect(await phases.define(mapId, [brainstorm], 'Nowhere')).toMatchObject({ ok: false })
  expect(await phases.of(mapId)).toMatchObject({ set: [renamed], current: { name: 'Ideas' } })
  // A new set that leaves the current phase as it was still reloads every screen: the switch lists new phases.
  const watcher = await honestClient(srv, teacher, mapId, 'owner')
  try {
    const live = await studentSocket()
    await phases.define(mapId, [renamed, { ...renamed, name: 'Vote', nodes: [], votes: true }])
    expect((await live.closed).code).toBe(CLOSE_ROLE_CHANGED)
    expect((await phases.of(mapId))?.current?.name).toBe('Ideas')
  } finally {
    watcher.destroy()
  }
})

test('[PP7] a refusal quoting a long non-ASCII phase name still reaches the client as the refusal (4409), cut to a close frame', async () => {
  const foxes = '🦊'.repeat(40)
  await srv.services.phases.define(
    mapId,
    [{ name: foxes, nodes: [], relations: [], votes: false, ownersToo: false }],
    foxes,
  )
  const raw = await studentSocket()
  send(raw, (d) => addNode(d, make('c-foxes', 'claim'), me))
  const end = await raw.closed
  expect(end.code).toBe(CLOSE_EDIT_REFUSED)
  expect(end.reason).toMatch(/^edit refused: no claim nodes during 🦊+…$/u)
  expect(new TextEncoder().encode(end.reason).byteLength).toBeLessThanOrEqual(123)
})
