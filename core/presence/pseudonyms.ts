/**
 * [PN2] Stable per-map pseudonyms, colour and animal, as classroom tools use:
 * the same student has the same pseudonym on one map every time, a different
 * one on another map (so names cannot be matched across maps), and no two
 * people on a map share one. Pure: the server computes them, never a client.
 */
const COLOURS = [
  'Amber',
  'Azure',
  'Coral',
  'Crimson',
  'Golden',
  'Indigo',
  'Ivory',
  'Jade',
  'Lilac',
  'Olive',
  'Ruby',
  'Sage',
  'Scarlet',
  'Silver',
  'Teal',
  'Violet',
]
const ANIMALS = [
  'Badger',
  'Beaver',
  'Bison',
  'Crane',
  'Dolphin',
  'Eagle',
  'Falcon',
  'Fox',
  'Gecko',
  'Heron',
  'Ibex',
  'Jaguar',
  'Koala',
  'Lemur',
  'Lynx',
  'Marten',
  'Moose',
  'Narwhal',
  'Ocelot',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Quail',
  'Raven',
  'Seal',
  'Stork',
  'Tapir',
  'Tiger',
  'Walrus',
  'Wombat',
  'Yak',
]
const SLOTS = COLOURS.length * ANIMALS.length

/** FNV-1a, 32 bits: spread enough for picking a slot, and the same in every runtime. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

const nameOf = (slot: number) =>
  `${COLOURS[slot % COLOURS.length]} ${ANIMALS[Math.floor(slot / COLOURS.length) % ANIMALS.length]}`

/**
 * Pseudonyms for the people of one map, given in a stable order (who joined
 * first): each takes the slot its id hashes to, or the next free one. Past
 * 512 people a number keeps them apart.
 */
export function pseudonyms(mapId: string, userIds: readonly string[]): Map<string, string> {
  const taken = new Set<number>()
  const out = new Map<string, string>()
  for (const userId of userIds) {
    if (out.has(userId)) continue
    let slot = hash(`${mapId}\u0000${userId}`) % SLOTS
    let round = 0
    while (taken.has(slot + round * SLOTS)) {
      slot = (slot + 1) % SLOTS
      if (slot === hash(`${mapId}\u0000${userId}`) % SLOTS) round++
    }
    taken.add(slot + round * SLOTS)
    out.set(userId, round === 0 ? nameOf(slot) : `${nameOf(slot)} ${round + 1}`)
  }
  return out
}
