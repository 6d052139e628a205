import { MAX_NAME, MAX_QUOTE } from '../../graph'
import type { Issue } from '../json'
import { at, grouped, neighbours, nodeOf, type AifGraph } from './graph'
import type { AifGraphIn } from './types'

/** Who said an I-node's proposition, in which words, and with what force. */
export interface Attribution {
  speaker?: string
  /** The locution's words, without a `Speaker : ` prefix that names its speaker. */
  words: string
  /** The illocutionary force of the YA node that anchors the locution, e.g. "Pure Questioning". */
  force?: string
}

/**
 * Reads the dialogue layer ([AF2]): an L-node (locution) anchored to an
 * I-node by a YA node gives that I-node its speaker, the locution's words as
 * its quote, and the YA node's illocutionary force. The I-node's own text,
 * the proposition, is never touched.
 *
 * The speaker is the locution's recorded participant. [AF3] A `Name : `
 * prefix is cut from the words only when it names that participant (a word
 * of the name, or its initials), so "Rachel: the odds are 3 : 1" keeps
 * "the odds are 3 : 1". A file with no participant records (AIFdb) names
 * speakers only by that prefix (AIFdb writes `Name : words`); a prefix
 * counts as a speaker there when it reads as a name (up to four capitalised
 * words or initials, no digits or sentence punctuation) or starts at least
 * two locutions, so a colon inside a sentence is not taken for a speaker.
 *
 * Everything else in the layer (TA transitions, YA anchors on inferences,
 * locutions anchoring nothing) has no Crux form and is reported, grouped.
 */
export function readDialogue(
  g: AifGraph,
  input: Pick<AifGraphIn, 'locutions' | 'participants'>,
): { attributions: Map<string, Attribution>; warnings: Issue[] } {
  const warnings: Issue[] = []
  const names = new Map<string, string>()
  for (const p of input.participants ?? []) {
    const name = [p.firstname, p.surname]
      .map((s) => (s ?? '').trim())
      .filter(Boolean)
      .join(' ')
    if (name !== '') names.set(p.participantID, name)
  }
  const personOf = new Map<string, string>()
  for (const [i, l] of (input.locutions ?? []).entries()) {
    if (!g.index.has(l.nodeID)) {
      warnings.push({ message: `locution for missing node "${l.nodeID}" ignored`, at: `locutions[${i}].nodeID` })
      continue
    }
    if (l.personID == null || personOf.has(l.nodeID)) continue
    const name = names.get(l.personID)
    if (name !== undefined) personOf.set(l.nodeID, name)
    else if (input.participants != null && input.participants.length > 0) {
      warnings.push({
        message: `no participant "${l.personID}"; the locution's speaker is unknown`,
        at: `locutions[${i}].personID`,
      })
    }
  }
  // Needed only for a locution with no recorded participant; worked out once, when first needed.
  let shared: Set<string> | undefined
  const sharedPrefixes = () => (shared ??= prefixesUsedTwice(g))

  const attributions = new Map<string, Attribution>()
  const anchoredL = new Set<string>()
  const otherYA: string[] = []
  const extra: string[] = []
  const nameless: string[] = []
  for (const ya of g.nodes) {
    if (ya.type !== 'YA') continue
    const lNodes = neighbours(g, ya.nodeID, 'into', 'L')
    const iNodes = neighbours(g, ya.nodeID, 'outOf', 'I')
    if (lNodes.length === 0 || iNodes.length === 0) {
      otherYA.push(ya.nodeID)
      continue
    }
    for (const l of lNodes) anchoredL.add(l)
    const said = attributionOf(nodeOf(g, lNodes[0]!)!.text, personOf.get(lNodes[0]!), sharedPrefixes)
    const force = (ya.text.trim() || ya.scheme?.trim()) ?? ''
    if (force !== '') said.force = force.slice(0, MAX_NAME)
    if (said.speaker === undefined) nameless.push(lNodes[0]!)
    for (const i of iNodes) {
      if (attributions.has(i)) extra.push(i)
      else attributions.set(i, said)
    }
  }

  const unanchored = g.nodes.filter((n) => n.type === 'L' && !anchoredL.has(n.nodeID)).map((n) => n.nodeID)
  const transitions = g.nodes.filter((n) => n.type === 'TA').map((n) => n.nodeID)
  warnings.push(
    ...grouped((n) => `${n} TA node(s) (transitions between locutions) have no Crux equivalent; dropped`, transitions),
    ...grouped(
      (n) => `${n} YA node(s) anchor no locution to an I-node (e.g. "Arguing" on an inference); dropped`,
      otherYA,
    ),
    ...grouped((n) => `${n} L node(s) (locutions) are anchored to no I-node; their words are dropped`, unanchored),
    ...grouped(
      (n) => `${n} L node(s) name no speaker (no participant, no "Speaker : " prefix shared by other locutions)`,
      nameless,
    ),
    ...extra.map((i) => ({ message: 'I-node is anchored by several locutions; kept the first one', at: at(i) })),
  )
  return { attributions, warnings }
}

const PREFIX = /^([^:\n]{1,200}?)\s?:\s/

/** The participant's name, and the words without a prefix that names them; without one, a prefix other locutions share. */
export function attributionOf(
  lText: string,
  participant: string | undefined,
  sharedPrefixes: () => ReadonlySet<string>,
): Attribution {
  const whole = lText.trim()
  const m = PREFIX.exec(whole)
  const prefix = m?.[1]?.trim()
  const rest = m ? whole.slice(m[0].length).trim() : whole
  if (participant !== undefined) {
    return {
      speaker: participant.slice(0, MAX_NAME),
      words: (prefix && namesPerson(prefix, participant) ? rest : whole).slice(0, MAX_QUOTE),
    }
  }
  if (prefix && (readsAsName(prefix) || sharedPrefixes().has(prefix)))
    return { speaker: prefix.slice(0, MAX_NAME), words: rest.slice(0, MAX_QUOTE) }
  return { words: whole.slice(0, MAX_QUOTE) }
}

/** "Ben Hart", "CL", "Dr. Ana Ruiz": a name; "the odds are 3" is not. */
function readsAsName(prefix: string): boolean {
  const words = prefix.split(/\s+/)
  return prefix.length <= 40 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))
}

const lowerWords = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean)

/** A participant's name words and initials, worked out once per name (a corpus repeats a few names many times). */
const nameParts = new Map<string, { words: ReadonlySet<string>; initials: string }>()

/** "Jo Bloggs" names Josephine Bloggs (a shared word); "JB" does too (initials). */
function namesPerson(prefix: string, name: string): boolean {
  let parts = nameParts.get(name)
  if (!parts) {
    const words = lowerWords(name)
    parts = { words: new Set(words), initials: words.map((w) => w[0]).join('') }
    if (nameParts.size > 10_000) nameParts.clear()
    nameParts.set(name, parts)
  }
  if (prefix === name) return true
  for (const w of lowerWords(prefix)) if (parts.words.has(w)) return true
  return prefix.replace(/[\s.]/g, '').toLowerCase() === parts.initials
}

/** `Speaker : ` prefixes (AIFdb's own form, space before the colon) that start at least two L-node texts. */
function prefixesUsedTwice(g: AifGraph): Set<string> {
  const count = new Map<string, number>()
  for (const n of g.nodes) {
    if (n.type !== 'L') continue
    const m = /^([^:\n]{1,200}?) : /.exec(n.text.trim())
    if (m) count.set(m[1]!.trim(), (count.get(m[1]!.trim()) ?? 0) + 1)
  }
  return new Set([...count].filter(([, c]) => c >= 2).map(([p]) => p))
}
