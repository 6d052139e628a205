import type { ArgNode, PcsStep } from '../../graph'
import type { Label } from './labels'

/**
 * The part of an argument's stored structure that Argdown can read back
 * ([AD12]): every step a distinct existing statement node (not itself an
 * argument), the first a premise and the last a conclusion. A structure
 * that no longer holds (a step's node was deleted) is not written; its
 * supports then stand as written relations.
 */
export function writablePcs(
  n: ArgNode,
  byId: ReadonlyMap<string, ArgNode>,
  isStatement: (n: ArgNode) => boolean,
): PcsStep[] | undefined {
  const steps = n.pcs ?? []
  if (steps.length < 2) return undefined
  const seen = new Set<string>()
  for (const s of steps) {
    const node = byId.get(s.node)
    if (!node || node.id === n.id || seen.has(s.node) || !isStatement(node)) return undefined
    seen.add(s.node)
  }
  if (steps[0]!.inference || !steps[steps.length - 1]!.inference) return undefined
  return steps
}

/**
 * `<Title>` then the numbered steps, each a reference to the statement's own
 * definition, with an inference line before each conclusion:
 * `-- Modus ponens, Other rule --`, or `----` when it names no rule.
 */
export function pcsBlock(ref: string, steps: PcsStep[], labels: ReadonlyMap<string, Label>): string {
  const lines = [ref, '']
  steps.forEach((s, i) => {
    if (s.inference) {
      const rules = s.inference.rules.map(escapeRule).filter((r) => r !== '')
      lines.push(rules.length > 0 ? `-- ${rules.join(', ')} --` : '----')
    }
    lines.push(`(${i + 1}) ${labels.get(s.node)!.ref}`)
  })
  return lines.join('\n')
}

/**
 * Inside an inference line `,` separates rules, `--` ends the line, `{`
 * opens data, `\` escapes, and `.name.` / `:name:` are special characters.
 */
function escapeRule(rule: string): string {
  return rule
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\,{}.:-]/g, (c) => `\\${c}`)
}
