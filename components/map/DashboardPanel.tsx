'use client'
import { useMemo } from 'react'
import { useReactFlow } from '@xyflow/react'
import { buildDashboard, dashboardCsv, type FindingKind } from '@/core/dashboard'
import type { Evaluation } from '@/core/evaluate'
import type { ArgumentMap, Contributor } from '@/core/graph'
import type { Authorship } from '@/core/ydoc'

type Props = {
  title: string
  graph: ArgumentMap
  byRecord: ReadonlyMap<string, Authorship>
  people: ReadonlyMap<string, Contributor>
  /** Owners' view: real names (anonymous maps) and each member's team now. */
  realNames?: Record<string, string>
  teams?: Record<string, string | null>
  evaluation: Evaluation | null
  select(ids: string[]): void
  close(): void
}

const FINDING_LABEL: Record<FindingKind, string> = {
  'unanswered-objection': 'Objection nobody answered',
  'unsupported-claim': 'Claim with no support',
  'unsourced-evidence': 'Evidence without quote or source',
  'isolated-node': 'Isolated node',
  'likely-duplicate': 'Likely duplicate',
}

/** [DB1]–[DB4] The teacher's live dashboard, re-drawn from the map on every change. */
export function DashboardPanel({ title, graph, byRecord, people, realNames, teams, evaluation, select, close }: Props) {
  const flow = useReactFlow()
  const dashboard = useMemo(
    () =>
      buildDashboard({
        map: graph,
        creatorOf: (id) => byRecord.get(id)?.createdBy?.userId,
        nameOf: (u) => realNames?.[u] ?? people.get(u)?.name ?? 'someone',
        teamOf: (u) => (teams && u in teams ? teams[u]! : (people.get(u)?.group ?? null)),
        labelOf: (id) => evaluation?.nodes.get(id)?.label,
      }),
    [graph, byRecord, people, realNames, teams, evaluation],
  )
  const focus = (id: string) => {
    select([id])
    void flow.fitView({ nodes: [{ id }], duration: 200, maxZoom: 1.2 })
  }
  const download = () => {
    const url = URL.createObjectURL(new Blob([dashboardCsv(dashboard)], { type: 'text/csv' }))
    const a = Object.assign(document.createElement('a'), { href: url, download: `${title || 'map'} dashboard.csv` })
    a.click()
    URL.revokeObjectURL(url)
  }
  const rows = [
    ...dashboard.people.map((p) => ({ ...p, kind: 'person' })),
    ...dashboard.teams.map((t) => ({ ...t, kind: 'team' })),
  ]
  return (
    <aside className="crux-inspector crux-dashboard" aria-label="Dashboard" data-testid="dashboard">
      <button type="button" onClick={close} aria-label="Close the dashboard">
        ×
      </button>{' '}
      <button type="button" data-testid="dashboard-csv" onClick={download}>
        Export CSV
      </button>
      <table>
        <thead>
          <tr>
            <th>Who</th>
            <th>Nodes</th>
            <th>Relations</th>
            <th>Votes</th>
            <th>Words</th>
            <th>Replies</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.kind}:${r.key}`} data-testid={`dashboard-${r.kind}`} data-key={r.key}>
              <td>{r.kind === 'team' ? `Team ${r.name}` : r.name}</td>
              <td data-col="nodes">{r.nodes}</td>
              <td data-col="relations">{r.relations}</td>
              <td data-col="votes">{r.votes}</td>
              <td data-col="words">{r.words}</td>
              <td data-col="replies">{r.replies}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Whose claims stand</h3>
      <ul>
        {dashboard.standing.map((s) => (
          <li key={s.team} data-testid="dashboard-standing" data-team={s.team}>
            Team {s.team}: {s.inClaims} of {s.claims} claims IN
          </li>
        ))}
      </ul>
      <h3>Findings ({dashboard.findings.length})</h3>
      <ul>
        {dashboard.findings.map((f, i) => (
          <li key={`${f.kind}:${f.nodeId}:${f.otherId ?? i}`}>
            <button
              type="button"
              className="crux-link"
              data-testid="dashboard-finding"
              data-kind={f.kind}
              data-node-id={f.nodeId}
              onClick={() => focus(f.nodeId)}
            >
              {FINDING_LABEL[f.kind]}: {f.text || '(no text)'}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  )
}
