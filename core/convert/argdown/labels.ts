import type { ArgNode } from '../../graph'
import { ARGUMENT_PREFIX, STATEMENT_PREFIX, derivedTitle, idFromTitle } from './ids'

export interface Label {
  /** `[title]` or `<title>`, as written in relations. */
  ref: string
  /** Set when the title does not yield the id, so YAML must carry it. */
  explicitId: boolean
  isArgument: boolean
}

/**
 * [AD12] The title each node is written under: its own title as written in
 * Argdown when it has one that Argdown can read back in that place, else the
 * id without its prefix (or `node <id>`, with the id in YAML). Statements and
 * arguments are separate namespaces; within one, no two nodes share a title.
 */
export function labelsFor(nodes: ArgNode[], mustBeArgument: (n: ArgNode) => boolean): Map<string, Label> {
  const labels = new Map<string, Label>()
  const used = new Set<string>()
  const isArgument = (n: ArgNode) => mustBeArgument(n) || n.kind === 'argument'
  const key = (argument: boolean, title: string) => `${argument ? '<' : '['}${title}`
  const set = (n: ArgNode, title: string, explicitId: boolean) => {
    const argument = isArgument(n)
    used.add(key(argument, title))
    labels.set(n.id, { ref: argument ? `<${title}>` : `[${title}]`, explicitId, isArgument: argument })
  }
  // Own titles first, so a derived title never takes one a person wrote.
  for (const n of nodes) {
    const argument = isArgument(n)
    if (n.title === undefined || !readable(n.title, argument) || used.has(key(argument, n.title))) continue
    set(n, n.title, idFromTitle(argument ? ARGUMENT_PREFIX : STATEMENT_PREFIX, n.title) !== n.id)
  }
  for (const n of nodes) {
    if (labels.has(n.id)) continue
    const argument = isArgument(n)
    const derived = derivedTitle(n.id, argument)
    const free = !used.has(key(argument, derived.title))
    set(n, free ? derived.title : `node ${n.id}`, !(free && derived.yieldsId))
  }
  return labels
}

/** A title Argdown reads back unchanged between brackets: one trimmed line without the closing bracket. */
function readable(title: string, argument: boolean): boolean {
  if (title === '' || title !== title.trim() || /[\r\n\u2028\u2029\\]/.test(title)) return false
  return argument ? !/[<>]/.test(title) : !/[[\]]/.test(title)
}
