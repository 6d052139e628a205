import type { NodeKind } from '@/core/graph'

export const KIND_LABEL: Record<NodeKind, string> = {
  claim: 'Claim',
  argument: 'Argument',
  objection: 'Objection',
  evidence: 'Evidence',
  question: 'Question',
}
