/**
 * [HI5] What history costs on disk: a 500-node map worked on by 15 experts
 * through 100 checkpoint intervals, each checkpoint taken by the room's real
 * automatic path (RoomCheckpoints.take, on the app's services and a fresh
 * SQLite file). Every expert is a Y.Doc of its own (its own clientID) whose
 * updates reach the room as a peer's would: text splices, moves, new nodes
 * with relations, deletions and votes.
 *
 * Reported side by side in the same run:
 *  - the map's own size: its compacted state (what MapStore.compact stores),
 *    and the rows it has in DocUpdate/DocSnapshot after the run;
 *  - the history as stored: Checkpoint rows (each the update since the last);
 *  - the naive baseline: a full snapshot per checkpoint.
 * Fails (exit 1) when history exceeds 5x the map's own size.
 *
 *   npx tsx bench/history-size.ts        (or `npm run bench`)
 */
import fs from 'node:fs'
import os from 'node:os'
import * as Y from 'yjs'
import {
  addNode,
  addRelation,
  beginTextEdit,
  localOrigin,
  moveNodes,
  readGraph,
  removeNodes,
  setVote,
} from '@/core/ydoc'
import { freshSqliteDb } from '@/harness/db'
import { createServices } from '@/server/app/services'
import { parseEnv } from '@/server/env'
import { isMain, markdownTable, seededRandom } from './lib/report'

const NODES = 500
const EXPERTS = 15
const CHECKPOINTS = 100
/** Operations across all experts between two checkpoints (about 5 minutes of a workshop). */
const OPS_PER_INTERVAL = Number(process.env.HISTORY_OPS ?? 30)
const BUDGET = 5

const WORDS =
  'school uniforms reduce bullying cost families money evidence shows mixed results students express identity through clothing'.split(
    ' ',
  )

const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0)

export async function main(): Promise<{ ratio: number }> {
  const load = os.loadavg()[0]!
  const random = seededRandom(13)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const db = freshSqliteDb()
  // Automatic checkpoints are taken by the loop below, one per interval, not by the clock.
  const services = await createServices(parseEnv({ DATABASE_URL: db.url, CHECKPOINT_EVERY_MS: String(24 * 3600_000) }))
  try {
    const owner = await services.accounts.createGuest('Facilitator')
    const meta = await services.maps.create({ title: 'History budget', ownerId: owner.id })
    const mapId = meta.id
    const experts = Array.from({ length: EXPERTS }, () => new Y.Doc())
    const o = localOrigin()
    let fresh = 0
    let fullSnapshots = 0
    // How much of each checkpoint is the doc's whole delete set, which every Yjs update carries.
    let deleteSets = 0
    const deleteSetBytes = (d: Y.Doc) => Y.encodeSnapshot(Y.snapshot(d)).length - Y.encodeStateVector(d).length

    await services.sync.rooms.withRoom(mapId, async (room) => {
      // Each expert's doc talks to the room as a connected peer would: its updates go in, the room's come out.
      for (const doc of experts) {
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
        doc.on('update', (u: Uint8Array, origin: unknown) => {
          if (origin === room) return
          Y.applyUpdate(room.doc, u, doc)
          for (const other of experts) if (other !== doc) Y.applyUpdate(other, u, room)
        })
      }
      // The 500-node map, written by the experts in turn.
      const ids: string[] = []
      for (let i = 0; i < NODES; i++) {
        const doc = experts[i % EXPERTS]!
        const id = `n${i}`
        addNode(
          doc,
          {
            id,
            kind: i < 5 ? 'claim' : pick(['argument', 'objection', 'evidence'] as const),
            text: sentence(8 + Math.floor(random() * 12)),
            x: (i % 25) * 260,
            y: Math.floor(i / 25) * 160,
            pinned: false,
          },
          o,
        )
        if (i >= 5)
          addRelation(
            doc,
            {
              id: `r${i}`,
              kind: random() < 0.7 ? 'supports' : 'attacks',
              source: id,
              target: ids[Math.floor(random() * ids.length)]!,
            },
            o,
          )
        ids.push(id)
      }
      const checkpoints = room.checkpoints
      if (!checkpoints) throw new Error('the room has no history')
      await checkpoints.take({ kind: 'auto' })
      fullSnapshots += Y.encodeStateAsUpdate(room.doc).length

      for (let c = 1; c < CHECKPOINTS; c++) {
        for (let k = 0; k < OPS_PER_INTERVAL; k++) {
          const doc = pick(experts)
          const live = readGraph(doc).nodes
          const r = random()
          const target = pick(live).id
          if (r < 0.4) {
            // Typing: a draft committed as splices into the node's Y.Text.
            const edit = beginTextEdit(doc, target)
            const words = edit.base.split(' ')
            words.splice(Math.floor(random() * words.length), 1, sentence(1 + Math.floor(random() * 3)))
            edit.commit(words.join(' '), o)
          } else if (r < 0.6) {
            moveNodes(doc, [{ id: target, x: Math.round(random() * 6000), y: Math.round(random() * 3000) }], o)
          } else if (r < 0.7) {
            const id = `new${fresh++}`
            addNode(doc, { id, kind: 'argument', text: sentence(10), x: 0, y: 0, pinned: false }, o)
            addRelation(doc, { id: `rel${id}`, kind: 'attacks', source: id, target }, o)
          } else if (r < 0.8) {
            // As many deletions as additions, so the map stays about 500 nodes.
            if (live.length > NODES * 0.95) removeNodes(doc, [target], o)
          } else {
            setVote(
              doc,
              { nodeId: target, userId: `expert${experts.indexOf(doc)}`, value: Math.floor(random() * 5) },
              o,
            )
          }
        }
        await checkpoints.take({ kind: 'auto' })
        fullSnapshots += Y.encodeStateAsUpdate(room.doc).length
        deleteSets += deleteSetBytes(room.doc)
      }
      await room.flush()
    })
    // The map's own size: its compacted state, as MapStore.compact would store it.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await services.maps.snapshot(mapId))
    const mapBytes = Y.encodeStateAsUpdate(doc).length
    const nodes = readGraph(doc).nodes.length
    const logRows = await services.db.docUpdate.findMany({ where: { mapId }, select: { data: true } })
    const snapRow = await services.db.docSnapshot.findUnique({ where: { mapId }, select: { data: true } })
    const liveRowsBytes = logRows.reduce((s, r) => s + r.data.length, 0) + (snapRow?.data.length ?? 0)
    const historyBytes = await services.checkpoints.bytes(mapId)
    const count = (await services.checkpoints.list(mapId)).length
    // Every checkpoint still reads back: the oldest has the 500 nodes as written.
    const first = (await services.checkpoints.list(mapId))[0]!
    const oldest = await services.history.graphAt(mapId, first.id)
    if (oldest.nodes.length !== NODES)
      throw new Error(`the first checkpoint reads ${oldest.nodes.length} nodes, not ${NODES}`)
    const dbFile = services.env.DATABASE_URL.replace(/^file:/, '')
    const ratio = historyBytes / mapBytes
    const kib = (b: number) => (b / 1024).toFixed(1)
    console.log(
      `history-size: ${nodes} nodes at the end, ${count} checkpoints, ${OPS_PER_INTERVAL} operations between checkpoints, load ${load.toFixed(1)}`,
    )
    console.log(
      markdownTable(
        ['what', 'KiB', '× the map'],
        [
          ['the map, compacted state (baseline)', kib(mapBytes), '1.00'],
          [
            'the map, its DocUpdate + DocSnapshot rows after the run',
            kib(liveRowsBytes),
            (liveRowsBytes / mapBytes).toFixed(2),
          ],
          [
            `history: ${count} checkpoints as stored (update since the previous + state vector)`,
            kib(historyBytes),
            ratio.toFixed(2),
          ],
          [
            '(not stored) the whole delete set, had every checkpoint repeated it as a plain Yjs update does',
            kib(deleteSets),
            (deleteSets / mapBytes).toFixed(2),
          ],
          [`naive: a full snapshot per checkpoint`, kib(fullSnapshots), (fullSnapshots / mapBytes).toFixed(2)],
          ['SQLite file and its WAL (everything, for scale)', kib(fileSize(dbFile) + fileSize(`${dbFile}-wal`)), '—'],
        ],
      ),
    )
    if (ratio > BUDGET) {
      console.error(`history-size: ${ratio.toFixed(2)}× the map is over the ${BUDGET}× budget`)
      process.exitCode = 1
    }
    return { ratio }
  } finally {
    await services.close()
    await db.dispose()
  }
}

if (isMain(import.meta.url)) await main()
