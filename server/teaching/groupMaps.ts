import { MAP_TITLE_MAX, type ArgumentMap } from '../../core/graph'
import type { Classes } from './classes'
import type { MapService } from '../maps'

/**
 * [PG1], [PG2] Small-group mode: one template map copied to each team of a
 * class in one step. Each copy is a map of its own (its own document), so
 * later changes to the template never reach a team's work, and a team's work
 * never reaches another team. The copies' content is the template's nodes
 * and relations, without votes ([PR11] copies the same way).
 */
export async function copyToTeams(
  deps: { maps: Pick<MapService, 'graph' | 'create' | 'get'>; classes: Pick<Classes, 'view' | 'assignMap'> },
  classId: string,
  templateId: string,
  teacherId: string,
): Promise<{ ok: true; copies: Array<{ team: string; mapId: string }> } | { ok: false; error: string }> {
  const view = await deps.classes.view(classId)
  const meta = await deps.maps.get(templateId)
  if (!view || !meta) return { ok: false, error: 'No such class or map' }
  const teams = [...new Set(view.members.filter((m) => m.role === 'student' && m.team).map((m) => m.team!))].sort()
  if (teams.length === 0) return { ok: false, error: 'Put students in teams first' }
  const template: ArgumentMap = await deps.maps.graph(templateId)
  const copies: Array<{ team: string; mapId: string }> = []
  for (const team of teams) {
    // A team that already has a copy of this template keeps it: copying twice must not fork its work.
    const existing = view.maps.find((m) => m.templateId === templateId && m.team === team)
    if (existing) {
      copies.push({ team, mapId: existing.mapId })
      continue
    }
    const title = `${template.title || meta.title} — ${team}`.slice(0, MAP_TITLE_MAX)
    const copy = await deps.maps.create({
      title,
      content: { ...template, title, votes: [] },
      ownerId: teacherId,
      publicRole: 'none',
    })
    await deps.classes.assignMap(classId, copy.id, team, templateId)
    copies.push({ team, mapId: copy.id })
  }
  return { ok: true, copies }
}
