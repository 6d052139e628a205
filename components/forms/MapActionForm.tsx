'use client'
import { useActionState, type ReactNode } from 'react'

/** The answer of a map server action (server/app/action.ts), as the form needs it. */
export type ActionAnswer = { ok: boolean; error?: string; notice?: string; values?: Record<string, string> } | null

/**
 * A form bound to a map server action. The answer shows in place, in words: a refused action
 * (someone else demoted you meanwhile, the last owner, a bad value) never ends on Next's error page.
 */
export function MapActionForm({
  action,
  children,
  className,
  label,
  testId,
}: {
  action: (previous: ActionAnswer, form: FormData) => Promise<ActionAnswer>
  children: ReactNode
  className?: string
  label?: string
  testId?: string
}) {
  const [answer, formAction] = useActionState(action, null)
  return (
    <form action={formAction} className={className} aria-label={label} data-testid={testId}>
      {children}
      {answer && !answer.ok ? (
        <p role="alert" data-testid="action-error">
          {answer.error}
        </p>
      ) : null}
      {answer?.notice ? <p role="status">{answer.notice}</p> : null}
    </form>
  )
}
