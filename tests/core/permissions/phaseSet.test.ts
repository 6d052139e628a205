import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { NODE_KINDS, RELATION_KINDS } from '@/core/graph'
import {
  DEFAULT_PHASES,
  PHASES_MAX,
  PHASE_PRESETS,
  PhaseSetSchema,
  describePhase,
  findPhase,
  type Phase,
} from '@/core/permissions'

/**
 * [PP6] [PP7] The schema a teacher's own phase set passes at the route, at the
 * database and in the editor: what it refuses, in which words, and that what
 * it accepts is a set the rest of the rules ([PP1]–[PP5]) can run.
 */
const phase = (name: string, more: Partial<Phase> = {}) => ({
  name,
  nodes: ['claim'],
  relations: [],
  votes: false,
  ownersToo: false,
  ...more,
})
const firstError = (input: unknown) => {
  const parsed = PhaseSetSchema.safeParse(input)
  return parsed.success ? null : parsed.error.issues[0]!.message
}

describe('a teacher’s own phase set', () => {
  test('[PP7] refused with words that name the phase: empty, too long, hidden characters, duplicates, too many', () => {
    expect(firstError([phase('Open'), phase('   ')])).toBe('Phase 2 needs a name')
    expect(firstError([phase('x'.repeat(41))])).toBe('Phase 1: a name has at most 40 characters')
    expect(firstError([phase('🦊'.repeat(40))])).toBeNull()
    for (const hidden of ['Op\u202Een', 'Open\u200B', 'Op\nen', 'Op\u0007en', 'Op\u2028en'])
      expect(firstError([phase(hidden)]), JSON.stringify(hidden)).toBe(
        'Phase 1: a name cannot hold control, invisible or direction characters',
      )
    expect(firstError([phase('Open'), phase('Vote'), phase(' open ')])).toBe(
      'Phases 1 and 3 are both called “open”: names must differ',
    )
    // Compatibility forms read the same: a full-width "Ｏｐｅｎ" is "Open".
    expect(firstError([phase('Open'), phase('Ｏｐｅｎ')])).toContain('names must differ')
    expect(firstError(Array.from({ length: PHASES_MAX + 1 }, (_, i) => phase(`P${i}`)))).toBe(
      'A phase set has at most 12 phases',
    )
    expect(firstError([])).toBe('A phase set needs at least one phase')
    expect(firstError([phase('Open', { nodes: ['poem' as never] })])).toBe('No node kind “poem”')
    expect(firstError([phase('Open', { relations: ['hugs' as never] })])).toBe('No relation kind “hugs”')
    expect(firstError('Open, Vote')).toBe('A phase set is a list of phases')
  })

  test('[PP7] accepted sets are trimmed, kinds kept once in the schema order, and found by any spelling of a name', () => {
    const parsed = PhaseSetSchema.parse([
      phase('  Brainstorm ', { nodes: ['question', 'claim', 'claim'], relations: ['attacks', 'supports'] }),
    ])
    expect(parsed).toEqual([
      {
        name: 'Brainstorm',
        nodes: ['claim', 'question'],
        relations: ['supports', 'attacks'],
        votes: false,
        ownersToo: false,
      },
    ])
    expect(findPhase(parsed, 'BRAINSTORM')?.name).toBe('Brainstorm')
  })

  test('[PP6] every preset is a valid set the editor can start from, and the default set is the first', () => {
    expect(PHASE_PRESETS[0]!.set).toEqual(DEFAULT_PHASES)
    for (const preset of PHASE_PRESETS) {
      expect(PhaseSetSchema.parse(preset.set), preset.id).toEqual(preset.set)
      for (const p of preset.set) expect(describePhase(p)).not.toBe('')
    }
    expect(new Set(PHASE_PRESETS.map((p) => p.id)).size).toBe(PHASE_PRESETS.length)
  })

  test('[PP7] property: any input either parses into 1–12 distinct, findable phases or is refused with a message; it never throws', () => {
    const nameArb = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('Open', 'open', ' OPEN', 'Vote', '\u202E'))
    const phaseArb = fc.record({
      name: nameArb,
      nodes: fc.array(fc.constantFrom(...NODE_KINDS, 'poem'), { maxLength: 8 }),
      relations: fc.array(fc.constantFrom(...RELATION_KINDS), { maxLength: 4 }),
      votes: fc.boolean(),
      ownersToo: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.oneof(fc.array(phaseArb, { maxLength: 14 }), fc.anything()), (input) => {
        const parsed = PhaseSetSchema.safeParse(input)
        if (!parsed.success) return parsed.error.issues.every((i) => i.message.length > 0)
        const set = parsed.data
        return (
          set.length >= 1 &&
          set.length <= PHASES_MAX &&
          set.every((p) => findPhase(set, p.name) === p && p.name === p.name.trim() && p.name !== '')
        )
      }),
      { numRuns: 500 },
    )
  })
})
