'use client'
import { useActionState } from 'react'
import type { SignInListState } from './actions'

type Props = {
  action: (prev: SignInListState, form: FormData) => Promise<SignInListState>
  classId: string
  className: string
  submitLabel: string
  testId: string
  /** The roster form has a names box and a team; the reissue form only a button. */
  roster?: boolean
}

/**
 * [PK2] A form whose answer is a printable sign-in list: each student's name
 * and personal code. Codes are shown once (only their hash is kept); a lost
 * list is replaced by issuing new codes.
 */
export function SignInList({ action, classId, className, submitLabel, testId, roster = false }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null })
  return (
    <div>
      <form action={formAction} data-testid={testId}>
        <input type="hidden" name="classId" value={classId} />
        {roster && (
          <>
            <label>
              Students, one name per line
              <textarea name="names" rows={6} maxLength={20_000} data-testid="roster-names" required />
            </label>
            <label>
              Team (optional) <input name="team" maxLength={40} data-testid="roster-team" />
            </label>
          </>
        )}
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {state.error && <p role="alert">{state.error}</p>}
      </form>
      {state.lines && state.lines.length > 0 && (
        <section className="crux-signin-list" data-testid="signin-list" aria-label="Sign-in list">
          <h3>Sign-in list: {className}</h3>
          <p>
            Each student signs in at /signin with their personal code. Print this now: the codes are not shown again.
          </p>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Personal code</th>
              </tr>
            </thead>
            <tbody>
              {state.lines.map((l) => (
                <tr key={l.userId} data-testid="signin-line">
                  <td>{l.name}</td>
                  <td>
                    <code data-testid="personal-code">{l.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </section>
      )}
    </div>
  )
}
