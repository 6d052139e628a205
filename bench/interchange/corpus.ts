import { seededRandom } from '../lib/report'

/** A foreign (no `crux` properties) AIF file of about `total` nodes, as text. */
export function aifCorpusText(total: number, seed = 11): string {
  const rnd = seededRandom(seed)
  const people = ['Ana Ruiz', 'Ben Hart', 'Cara Lowe', 'Dev Patel', 'Eli Moss']
  const forces = ['Asserting', 'Asserting', 'Asserting', 'Pure Questioning', 'Popular Conceding']
  const nodes: object[] = []
  const edges: object[] = []
  const locutions: object[] = []
  let next = 1
  const id = () => String(next++)
  const link = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null })
  const props: string[] = []
  const schemeNodes: string[] = []
  let previousL: string | undefined
  // About 5.3 nodes per proposition: I, L, YA, TA, one RA/CA with its YA half the time.
  while (next < total - 6) {
    const i = id()
    const l = id()
    const ya = id()
    const who = Math.floor(rnd() * people.length)
    const words = `statement ${i} on the ${['tax', 'ban', 'levy', 'grant'][i.length % 4]}, with a ratio of 3 : 1 and "quotes"`
    nodes.push({ nodeID: i, text: words, type: 'I', timestamp: '2019-03-01 10:00:00' })
    nodes.push({ nodeID: l, text: `${people[who]} : ${words}`, type: 'L', timestamp: '2019-03-01 10:00:00' })
    const force = forces[Math.floor(rnd() * forces.length)]!
    nodes.push({
      nodeID: ya,
      text: force,
      type: 'YA',
      timestamp: '2019-03-01 10:00:00',
      scheme: force.replace(' ', ''),
      schemeID: '74',
    })
    link(l, ya)
    link(ya, i)
    locutions.push({
      nodeID: l,
      personID: String(who + 1),
      timestamp: '2019-03-01 10:00:00',
      start: null,
      end: null,
      source: null,
    })
    if (previousL) {
      const ta = id()
      nodes.push({ nodeID: ta, text: 'Default Transition', type: 'TA', timestamp: '2019-03-01 10:00:00' })
      link(previousL, ta)
      link(ta, l)
    }
    previousL = l
    if (props.length > 0 && rnd() < 0.8) {
      const s = id()
      const undercut = schemeNodes.length > 0 && rnd() < 0.1
      const conflict = undercut || rnd() < 0.35
      nodes.push({
        nodeID: s,
        text: conflict ? 'Default Conflict' : 'Argument From Expert Opinion',
        type: conflict ? 'CA' : 'RA',
        timestamp: '2019-03-01 10:00:00',
      })
      link(i, s)
      if (!conflict && rnd() < 0.2 && props.length > 1) link(props[Math.floor(rnd() * props.length)]!, s)
      link(
        s,
        undercut ? schemeNodes[Math.floor(rnd() * schemeNodes.length)]! : props[Math.floor(rnd() * props.length)]!,
      )
      if (!conflict) schemeNodes.push(s)
    }
    props.push(i)
  }
  const participants = people.map((p, k) => ({
    participantID: String(k + 1),
    firstname: p.split(' ')[0],
    surname: p.split(' ')[1],
  }))
  return JSON.stringify({ nodes, edges, locutions, participants }, null, 1)
}
