'use client'
import type { ArgumentMap } from '@/core/graph'
import type { MapDiff } from '@/core/history'

type Props = { diff: MapDiff; graph: ArgumentMap; nameOf: (userId: string) => string; select: (ids: string[]) => void }

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s) || '(no text)'

/** [HI2] What changed, listed; nodes that are on the canvas can be picked out from here. */
export function DiffList({ diff, graph, nameOf, select }: Props) {
  const text = (id: string) => graph.nodes.find((n) => n.id === id)?.text ?? id
  const rows: Array<{ key: string; kind: 'added' | 'removed' | 'changed'; label: string; id?: string }> = []
  for (const n of diff.nodes.added)
    rows.push({ key: `n+${n.id}`, kind: 'added', label: `Node added: ${short(n.text)}`, id: n.id })
  for (const n of diff.nodes.removed)
    rows.push({ key: `n-${n.id}`, kind: 'removed', label: `Node removed: ${short(n.text)}` })
  for (const c of diff.nodes.changed) {
    const what = c.fields
      .map((f) => (f === 'x' || f === 'y' ? 'position' : f))
      .filter((f, i, all) => all.indexOf(f) === i)
    rows.push({
      key: `n~${c.id}`,
      kind: 'changed',
      label: `Node changed (${what.join(', ')}): ${short(c.after.text)}`,
      id: c.id,
    })
  }
  for (const r of diff.relations.added)
    rows.push({
      key: `r+${r.id}`,
      kind: 'added',
      label: `Relation added: ${short(text(r.source))} ${r.kind} ${short(text(r.target))}`,
    })
  for (const r of diff.relations.removed)
    rows.push({ key: `r-${r.id}`, kind: 'removed', label: `Relation removed: ${r.kind}` })
  for (const c of diff.relations.changed)
    rows.push({ key: `r~${c.id}`, kind: 'changed', label: `Relation changed: ${c.before.kind} → ${c.after.kind}` })
  for (const v of diff.votes.added)
    rows.push({
      key: `v+${v.nodeId}|${v.userId}`,
      kind: 'added',
      label: `Vote by ${nameOf(v.userId)} on ${short(text(v.nodeId))}: ${v.value}`,
      id: v.nodeId,
    })
  for (const v of diff.votes.removed)
    rows.push({
      key: `v-${v.nodeId}|${v.userId}`,
      kind: 'removed',
      label: `Vote withdrawn by ${nameOf(v.userId)} on ${short(text(v.nodeId))}`,
    })
  for (const c of diff.votes.changed)
    rows.push({
      key: `v~${c.id}`,
      kind: 'changed',
      label: `Vote by ${nameOf(c.after.userId)} on ${short(text(c.after.nodeId))}: ${c.before.value} → ${c.after.value}`,
      id: c.after.nodeId,
    })
  if (diff.title)
    rows.unshift({ key: 'title', kind: 'changed', label: `Title: ${diff.title.before} → ${diff.title.after}` })
  if (rows.length === 0)
    return (
      <p className="crux-hint" data-testid="diff-empty">
        No differences.
      </p>
    )
  return (
    <ul className="crux-diff-list" data-testid="diff-list">
      {rows.map((r) => (
        <li key={r.key} className={`crux-diff-${r.kind}`} data-testid="diff-item" data-kind={r.kind}>
          {r.id && graph.nodes.some((n) => n.id === r.id) ? (
            <button type="button" className="crux-thread-target" onClick={() => select([r.id!])}>
              {r.label}
            </button>
          ) : (
            r.label
          )}
        </li>
      ))}
    </ul>
  )
}
