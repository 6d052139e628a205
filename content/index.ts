import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { parseArgdown } from '@/core/convert/argdown'
import type { ArgNode, ArgumentMap } from '@/core/graph'

/**
 * The seed content: one source article and the Argdown maps built on it.
 * Server-side only (node:fs); the seeder and the tests read through here.
 */

const contentDir = path.dirname(fileURLToPath(import.meta.url))

export const SpeakerSchema = z.object({ id: z.string(), name: z.string(), role: z.string() })
export const SourceMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  file: z.string(),
  encoding: z.literal('utf-8'),
  /** Size and SHA-256 of the file as published, so a changed byte is caught. */
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  offsets: z.string(),
  note: z.string().optional(),
  speakers: z.array(SpeakerSchema),
})
export type SourceMeta = z.infer<typeof SourceMetaSchema>

const SeedIndexSchema = z.object({
  /**
   * Version of the seed content. Raise it with any change to the maps: start
   * (and `npm run db:reseed`) then bring existing installations up to date.
   * An index without one is the first content, version 1.
   */
  version: z.number().int().positive().default(1),
  /** Content hashes (server/seed.ts seedContentHash) of the maps as seeded before versions were recorded. */
  unversionedHashes: z.record(z.string(), z.string()).default({}),
  shared: z.string(),
  maps: z.array(
    z.object({
      key: z.string(),
      file: z.string(),
      title: z.string(),
      description: z.string(),
      /** Id of the map's main thesis. */
      thesis: z.string(),
      source: z.string(),
    }),
  ),
})
export type SeedIndex = z.infer<typeof SeedIndexSchema>

export interface SeedMap {
  key: string
  title: string
  description: string
  thesis: string
  source: string
  map: ArgumentMap
  version: number
  unversionedHash?: string
}

export async function loadSource(id: string): Promise<{ meta: SourceMeta; text: string }> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`not a source id: ${id}`)
  const meta = SourceMetaSchema.parse(
    JSON.parse(await readFile(path.join(contentDir, 'sources', `${id}.json`), 'utf8')),
  )
  const text = await readFile(path.join(contentDir, 'sources', meta.file), 'utf8')
  return { meta, text }
}

/** content/maps; tests pass another folder of the same layout (an earlier version of the seeds). */
const mapsDir = path.join(contentDir, 'maps')

export async function loadSeedIndex(dir = mapsDir): Promise<SeedIndex> {
  return SeedIndexSchema.parse(JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')))
}

/** Reads and parses one Argdown file of content/maps; a seed that does not parse cleanly is a bug. */
export async function parseSeedFile(file: string, dir = mapsDir): Promise<ArgumentMap> {
  const text = await readFile(path.join(dir, file), 'utf8')
  const parsed = parseArgdown(text)
  if (!parsed.ok) {
    const where = parsed.errors.map((e) => `${file}:${e.line}:${e.column} ${e.message}`).join('\n')
    throw new Error(`seed map does not parse:\n${where}`)
  }
  // Seeds use headings and linked premises on purpose; those reports lose nothing of the map.
  const warnings = parsed.warnings.filter((w) => w.note === undefined)
  if (warnings.length > 0) throw new Error(`seed map ${file} has warnings: ${JSON.stringify(warnings)}`)
  return parsed.map
}

/**
 * The seed maps, each with the claims it shares with other maps filled in
 * from shared.argdown: a map file only names a shared claim `[Title]`, so the
 * claim has one definition and, by its title, one id in every map.
 */
export async function loadSeedMaps(dir = mapsDir): Promise<SeedMap[]> {
  const index = await loadSeedIndex(dir)
  const shared = await parseSeedFile(index.shared, dir)
  const out: SeedMap[] = []
  for (const entry of index.maps) {
    const map = withSharedClaims(await parseSeedFile(entry.file, dir), shared)
    const unversionedHash = index.unversionedHashes[entry.key]
    out.push({
      ...entry,
      map: { ...map, title: entry.title },
      version: index.version,
      ...(unversionedHash ? { unversionedHash } : {}),
    })
  }
  return out
}

/** Replaces each node that shares an id with a shared claim by that claim, keeping its position. */
export function withSharedClaims(map: ArgumentMap, shared: ArgumentMap): ArgumentMap {
  const byId = new Map<string, ArgNode>(shared.nodes.map((n) => [n.id, n]))
  return {
    ...map,
    nodes: map.nodes.map((n) => {
      const claim = byId.get(n.id)
      return claim ? { ...claim, x: n.x, y: n.y, pinned: n.pinned } : n
    }),
  }
}
