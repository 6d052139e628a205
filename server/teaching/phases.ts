import { DEFAULT_PHASES, PhaseSetSchema, findPhase, type Phase, type PhaseSet } from '../../core/permissions'
import type { Db } from '../db/client'
import { prismaHotReads, type HotReads } from '../db/hotReads'

/**
 * [PP1] A map's phases as stored: the current phase's name and the
 * teacher's own set (JSON), both on the Map row. What is stored is parsed
 * again on every read: a row edited by hand falls back to the default set,
 * and an unknown phase name to no phase (roles alone).
 */
export function storedPhases(row: { phase: string | null; phaseSet: string | null }): {
  set: PhaseSet
  current: Phase | null
} {
  const set = parseSet(row.phaseSet) ?? DEFAULT_PHASES
  return { set, current: findPhase(set, row.phase) }
}

function parseSet(json: string | null): PhaseSet | null {
  if (!json) return null
  try {
    const parsed = PhaseSetSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * [PP6] A short fingerprint of a stored custom set ('' for the default): part of the map-wide
 * classroom switches a connection carries, so a new set reloads every open screen even when
 * the current phase stays as it was (the teacher's phase switch lists the new phases).
 */
export function phaseSetRevision(json: string | null): string {
  if (!json) return ''
  let hash = 0x811c9dc5
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/** [PP1], [PP5] Owner-only (callers check [PR9]): every change reaches live connections at once. */
export function createPhases(
  db: Db,
  onChange: (mapId: string, userIds: 'all') => void,
  reads: HotReads = prismaHotReads(db),
) {
  return {
    async of(mapId: string): Promise<{ set: PhaseSet; current: Phase | null } | null> {
      const map = await reads.mapAccess(mapId)
      return map && storedPhases(map)
    },

    /** Moves the map to a phase of its set, or out of phases (null). */
    async set(
      mapId: string,
      name: string | null,
    ): Promise<{ ok: true; phase: Phase | null } | { ok: false; error: string }> {
      const now = await this.of(mapId)
      if (!now) return { ok: false, error: 'No such map' }
      const phase = name === null ? null : findPhase(now.set, name)
      if (name !== null && !phase) return { ok: false, error: `This map has no phase called “${name}”` }
      await db.map.update({ where: { id: mapId }, data: { phase: phase?.name ?? null } })
      onChange(mapId, 'all')
      return { ok: true, phase }
    },

    /**
     * Replaces the set, and with `current` names the phase the map is in afterwards (null: none), in the same
     * write, so a renamed current phase is never briefly no phase at all ([PP6]). Without `current`, a current
     * phase the new set lacks ends.
     */
    async define(
      mapId: string,
      set: PhaseSet,
      current?: string | null,
    ): Promise<{ ok: true; phase: Phase | null } | { ok: false; error: string }> {
      const valid = PhaseSetSchema.parse(set)
      const now = await this.of(mapId)
      if (!now) return { ok: false, error: 'No such map' }
      const phase = current === undefined ? findPhase(valid, now.current?.name) : findPhase(valid, current)
      if (current && !phase) return { ok: false, error: `The new set has no phase called “${current}”` }
      await db.map.update({
        where: { id: mapId },
        data: { phaseSet: JSON.stringify(valid), phase: phase?.name ?? null },
      })
      onChange(mapId, 'all')
      return { ok: true, phase }
    },
  }
}

export type Phases = ReturnType<typeof createPhases>
