import type { Issue } from '../json'
import { at, grouped, neighbours, type AifGraph } from './graph'
import type { AifGraphIn } from './types'

/** Who said an I-node's proposition, and in which words. */
export interface Attribution {
  speaker: string
  /** The locution's words without the `Speaker : ` prefix. */
  words: string
}

/**
 * Reads the dialogue layer: an L-node (locution) anchored to an I-node by a
 * YA node says who asserted that proposition, so the I-node gets that speaker.
 * The speaker comes from the locution's participant (OVA3) or else from the
 * AIFdb convention of writing L-node text as `Speaker : words`.
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
    const name = [p.firstname, p.surname].map((s) => (s ?? '').trim()).filter(Boolean).join(' ')
    if (name !== '') names.set(p.participantID, name)
  }
  const personOf = new Map<string, string>()
  for (const [i, l] of (input.locutions ?? []).entries()) {
    const node = g.byId.get(l.nodeID)
    if (!node) {
      warnings.push({ message: `locution for missing node "${l.nodeID}" ignored`, at: `locutions[${i}].nodeID` })
      continue
    }
    if (l.personID == null) continue
    const name = names.get(l.personID)
    // AIFdb exports carry no participant list at all: the L text names the speaker.
    if (name === undefined && input.participants != null) {
      warnings.push({
        message: `no participant "${l.personID}"; the speaker is taken from the locution text if it names one`,
        at: `locutions[${i}].personID`,
      })
    } else if (name !== undefined) personOf.set(l.nodeID, name)
  }

  const attributions = new Map<string, Attribution>()
  const anchoredL = new Set<string>()
  const otherYA: string[] = []
  const extraSpeakers: string[] = []
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
    const said = speakerOf(g.byId.get(lNodes[0]!)!.text, personOf.get(lNodes[0]!))
    if (!said) nameless.push(lNodes[0]!)
    for (const i of iNodes) {
      if (attributions.has(i)) extraSpeakers.push(i)
      else if (said) attributions.set(i, said)
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
    ...grouped((n) => `${n} L node(s) name no speaker (no participant, no "Speaker : " prefix)`, nameless),
    ...extraSpeakers.map((i) => ({
      message: 'I-node is anchored by several locutions; kept the first speaker',
      at: at(i),
    })),
  )
  return { attributions, warnings }
}

/** `Bob Smith : it rains` → Bob Smith / it rains. The participant, if known, wins. */
export function speakerOf(lText: string, participant: string | undefined): Attribution | undefined {
  const sep = lText.indexOf(' : ')
  const prefixed = sep > 0 ? { speaker: lText.slice(0, sep).trim(), words: lText.slice(sep + 3).trim() } : undefined
  // OVA writes the prefix too, sometimes with a shorter name than the participant's.
  if (participant !== undefined) return { speaker: participant, words: prefixed?.words ?? lText.trim() }
  return prefixed && prefixed.speaker !== '' ? prefixed : undefined
}
