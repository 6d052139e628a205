import { duplicatePairs } from '../duplicates/likelyDuplicates'
import type { ArgumentMap } from '../graph'

/**
 * [DB1]–[DB4] The teacher's dashboard, drawn from the map's structure alone:
 * who contributed what, what the debate still lacks, and whose claims stand.
 * Pure: authorship comes in as a function (userId of a record's creator,
 * [PA1]), teams as another (the class's teams now, so a student who moved
 * brings their work along, [PK5]), labels from core/evaluate.
 */
export interface Contribution {
  /** userId, or a team's name for team rows. */
  key: string
  name: string
  team: string | null
  nodes: number
  relations: number
  votes: number
  /** Words in the text of their nodes. */
  words: number
  /** Relations they drew to someone else's node: answering others, not only themselves. */
  replies: number
}

export type FindingKind =
  'unanswered-objection' | 'unsupported-claim' | 'unsourced-evidence' | 'isolated-node' | 'likely-duplicate'

export interface Finding {
  kind: FindingKind
  /** The node to focus on the map; for duplicates, the first of the pair. */
  nodeId: string
  /** The other node of a likely duplicate. */
  otherId?: string
  text: string
}

export interface TeamStanding {
  team: string
  claims: number
  /** Of their claims, how many are IN under the current evaluation. */
  inClaims: number
}

export interface Dashboard {
  people: Contribution[]
  teams: Contribution[]
  findings: Finding[]
  standing: TeamStanding[]
}

export interface DashboardInput {
  map: ArgumentMap
  /** The userId whose connection created a node or relation, if known. */
  creatorOf(recordId: string): string | undefined
  nameOf(userId: string): string
  teamOf(userId: string): string | null
  /** Grounded labels by node id ('IN' | 'OUT' | 'UNDEC'). */
  labelOf(nodeId: string): string | undefined
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length

export function buildDashboard(input: DashboardInput): Dashboard {
  const { map, creatorOf, nameOf, teamOf, labelOf } = input
  const rows = new Map<string, Contribution>()
  const row = (userId: string) => {
    let r = rows.get(userId)
    if (!r)
      rows.set(
        userId,
        (r = {
          key: userId,
          name: nameOf(userId),
          team: teamOf(userId),
          nodes: 0,
          relations: 0,
          votes: 0,
          words: 0,
          replies: 0,
        }),
      )
    return r
  }
  const nodeById = new Map(map.nodes.map((n) => [n.id, n]))
  const relById = new Map(map.relations.map((r) => [r.id, r]))
  // [DB1] Contributions per person.
  for (const n of map.nodes) {
    const by = creatorOf(n.id)
    if (!by) continue
    const r = row(by)
    r.nodes++
    r.words += wordCount(n.text)
  }
  for (const rel of map.relations) {
    const by = creatorOf(rel.id)
    if (!by) continue
    const r = row(by)
    r.relations++
    // The target is a node, or for an undercut the support it answers: either way, its creator.
    const targetAuthor = creatorOf(rel.target)
    if (targetAuthor && targetAuthor !== by) r.replies++
  }
  for (const v of map.votes ?? []) row(v.userId).votes++
  const people = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1))

  const teams = new Map<string, Contribution>()
  for (const p of people) {
    if (!p.team) continue
    const t = teams.get(p.team) ?? {
      key: p.team,
      name: p.team,
      team: p.team,
      nodes: 0,
      relations: 0,
      votes: 0,
      words: 0,
      replies: 0,
    }
    t.nodes += p.nodes
    t.relations += p.relations
    t.votes += p.votes
    t.words += p.words
    t.replies += p.replies
    teams.set(p.team, t)
  }

  // [DB2] Structural findings.
  const incoming = new Map<string, { supports: number; attacks: number }>()
  const degree = new Map<string, number>()
  for (const rel of map.relations) {
    const target = rel.kind === 'undercuts' ? relById.get(rel.target)?.target : rel.target
    if (!nodeById.has(rel.source) || !target || !nodeById.has(target)) continue
    degree.set(rel.source, (degree.get(rel.source) ?? 0) + 1)
    degree.set(target, (degree.get(target) ?? 0) + 1)
    if (rel.kind === 'undercuts') continue
    const inc = incoming.get(rel.target) ?? { supports: 0, attacks: 0 }
    if (rel.kind === 'supports') inc.supports++
    else inc.attacks++
    incoming.set(rel.target, inc)
  }
  const findings: Finding[] = []
  const add = (kind: FindingKind, nodeId: string, otherId?: string) =>
    findings.push({ kind, nodeId, ...(otherId ? { otherId } : {}), text: nodeById.get(nodeId)?.text ?? '' })
  for (const n of map.nodes) {
    const inc = incoming.get(n.id)
    if (n.kind === 'objection' && !inc?.attacks) add('unanswered-objection', n.id)
    if (n.kind === 'claim' && !inc?.supports) add('unsupported-claim', n.id)
    if (n.kind === 'evidence' && !n.quote?.trim() && !n.source?.trim()) add('unsourced-evidence', n.id)
    if (!degree.get(n.id)) add('isolated-node', n.id)
  }
  for (const d of duplicatePairs(map.nodes)) add('likely-duplicate', d.a, d.b)

  // [DB3] Which team's claims stand.
  const standing = new Map<string, TeamStanding>()
  for (const n of map.nodes) {
    if (n.kind !== 'claim') continue
    const by = creatorOf(n.id)
    const team = by ? teamOf(by) : null
    if (!team) continue
    const s = standing.get(team) ?? { team, claims: 0, inClaims: 0 }
    s.claims++
    if (labelOf(n.id) === 'IN') s.inClaims++
    standing.set(team, s)
  }
  const byName = <T extends { name?: string; team?: string | null }>(a: T, b: T) =>
    String(a.name ?? a.team).localeCompare(String(b.name ?? b.team))
  return {
    people,
    teams: [...teams.values()].sort(byName),
    findings,
    standing: [...standing.values()].sort((a, b) => a.team.localeCompare(b.team)),
  }
}

/** [DB4] The dashboard as CSV: one row per person and per team, then one per finding. Cells are quoted, never formulas. */
export function dashboardCsv(d: Dashboard): string {
  const cell = (v: string | number) => {
    const s = String(v)
    // A cell starting with = + - @ would run as a formula in a spreadsheet: hostile text stays text.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
    return `"${safe.replace(/"/g, '""')}"`
  }
  const lines = [['row', 'name', 'team', 'nodes', 'relations', 'votes', 'words', 'replies'].map(cell).join(',')]
  for (const p of d.people)
    lines.push(['person', p.name, p.team ?? '', p.nodes, p.relations, p.votes, p.words, p.replies].map(cell).join(','))
  for (const t of d.teams)
    lines.push(['team', t.name, t.team ?? '', t.nodes, t.relations, t.votes, t.words, t.replies].map(cell).join(','))
  lines.push('')
  lines.push(['finding', 'node', 'other node', 'text'].map(cell).join(','))
  for (const f of d.findings) lines.push([f.kind, f.nodeId, f.otherId ?? '', f.text].map(cell).join(','))
  lines.push('')
  lines.push(['team', 'claims', 'claims IN'].map(cell).join(','))
  for (const s of d.standing) lines.push([s.team, s.claims, s.inClaims].map(cell).join(','))
  return `${lines.join('\n')}\n`
}
