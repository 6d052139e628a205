import { z } from 'zod'
import { NODE_KINDS, RELATION_KINDS } from '../graph/schema'

/**
 * [PP1], [PP6], [PP7] A phase set: the phases a teacher runs a map through,
 * each saying what people other than the teacher may write. One schema for
 * every trust boundary: the route a teacher's editor saves through, the row
 * read back from the database, and the editor's own check before it sends.
 */

/** [PP7] At most this many phases in a set, and characters in a phase's name. */
export const PHASES_MAX = 12
export const PHASE_NAME_MAX = 40

/**
 * [PP7] Control, format (zero-width, direction overrides) and line-separator
 * characters. A name holding one could look like another phase's name, or
 * reorder the banner's text around it, so it is refused rather than cleaned.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u

/** Kinds listed twice mean nothing more: kept once, in the schema's order. */
const kindsOf = <K extends string>(kinds: readonly [K, ...K[]], what: string) =>
  z
    .array(z.enum(kinds, { error: (iss) => `No ${what} kind “${String(iss.input)}”` }))
    .max(kinds.length * 4)
    .transform((list) => kinds.filter((k) => list.includes(k)))

export const PhaseSchema = z.object({
  /** Checked with its position by the set (below), so the error can say which phase. */
  name: z
    .string({ error: 'A phase needs a name' })
    .max(PHASE_NAME_MAX * 4, `A phase name has at most ${PHASE_NAME_MAX} characters`),
  /** Node kinds people may add, change, move and delete in this phase. */
  nodes: kindsOf(NODE_KINDS, 'node'),
  /** Relation kinds people may add, change and delete. */
  relations: kindsOf(RELATION_KINDS, 'relation'),
  /** Whether people may cast, change and withdraw votes. */
  votes: z.boolean(),
  /** [PP2] The phase binds owners too (Closed: read only for everyone). */
  ownersToo: z.boolean().default(false),
})
export type Phase = z.output<typeof PhaseSchema>

/** [PP7] Names compare as a reader sees them: without case, surrounding space or compatibility forms. */
export const samePhaseName = (a: string, b: string) => phaseNameKey(a) === phaseNameKey(b)
const phaseNameKey = (name: string) => name.trim().normalize('NFKC').toLowerCase()

/** [PP7] What is wrong with one phase's name, or null; `n` is its position, counted from 1. */
export function phaseNameProblem(name: string, n: number): string | null {
  const trimmed = name.trim()
  if (trimmed === '') return `Phase ${n} needs a name`
  if ([...trimmed].length > PHASE_NAME_MAX) return `Phase ${n}: a name has at most ${PHASE_NAME_MAX} characters`
  if (HIDDEN_CHARACTERS.test(trimmed))
    return `Phase ${n}: a name cannot hold control, invisible or direction characters`
  return null
}

/** [PP1] [PP7] A teacher's own set: 1–12 phases with valid, distinct names, in the order they are run. */
export const PhaseSetSchema = z
  .array(PhaseSchema, { error: 'A phase set is a list of phases' })
  .min(1, 'A phase set needs at least one phase')
  .max(PHASES_MAX, `A phase set has at most ${PHASES_MAX} phases`)
  .superRefine((set, ctx) => {
    set.forEach((phase, i) => {
      const problem = phaseNameProblem(phase.name, i + 1)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [i, 'name'] })
      const first = set.findIndex((p) => samePhaseName(p.name, phase.name))
      if (!problem && first < i)
        ctx.addIssue({
          code: 'custom',
          message: `Phases ${first + 1} and ${i + 1} are both called “${phase.name.trim()}”: names must differ`,
          path: [i, 'name'],
        })
    })
  })
  .transform((set) => set.map((p) => ({ ...p, name: p.name.trim() })))
export type PhaseSet = z.output<typeof PhaseSetSchema>

/** [PP3] The default set, in order. */
export const DEFAULT_PHASES: PhaseSet = [
  { name: 'Prepare', nodes: [], relations: [], votes: false, ownersToo: false },
  {
    name: 'Open',
    nodes: ['claim', 'argument', 'evidence', 'question'],
    relations: ['supports'],
    votes: false,
    ownersToo: false,
  },
  { name: 'Rebut', nodes: ['objection'], relations: ['attacks', 'undercuts'], votes: false, ownersToo: false },
  { name: 'Vote', nodes: [], relations: [], votes: true, ownersToo: false },
  { name: 'Closed', nodes: [], relations: [], votes: false, ownersToo: true },
]

const teacherOnly = (name: string): Phase => ({ name, nodes: [], relations: [], votes: false, ownersToo: false })
const vote: Phase = { name: 'Vote', nodes: [], relations: [], votes: true, ownersToo: false }
const closed: Phase = { name: 'Closed', nodes: [], relations: [], votes: false, ownersToo: true }

/** [PP6] Starting points the phase editor offers; each is a valid set, edited freely after. */
export const PHASE_PRESETS: ReadonlyArray<{ id: string; label: string; set: PhaseSet }> = [
  { id: 'default', label: 'Prepare, Open, Rebut, Vote, Closed (the default)', set: DEFAULT_PHASES },
  {
    id: 'discuss-then-vote',
    label: 'Discuss freely, then vote',
    set: [
      teacherOnly('Prepare'),
      { name: 'Discuss', nodes: [...NODE_KINDS], relations: [...RELATION_KINDS], votes: false, ownersToo: false },
      vote,
      closed,
    ],
  },
  {
    id: 'evidence-first',
    label: 'Evidence first, then claims and objections',
    set: [
      teacherOnly('Prepare'),
      { name: 'Gather evidence', nodes: ['evidence'], relations: ['supports'], votes: false, ownersToo: false },
      {
        name: 'Argue',
        nodes: ['claim', 'argument', 'objection', 'question'],
        relations: [...RELATION_KINDS],
        votes: false,
        ownersToo: false,
      },
      vote,
      closed,
    ],
  },
]
