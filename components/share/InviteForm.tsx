'use client'
import { useActionState } from 'react'
import type { ActionAnswer } from '@/components/forms/MapActionForm'

/** Invite an existing account by email; the answer (added, or why not) shows in place. */
export function InviteForm({
  mapId,
  roles,
  action,
}: {
  mapId: string
  roles: readonly string[]
  action: (previous: ActionAnswer, form: FormData) => Promise<ActionAnswer>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} aria-label="Invite by email" data-testid="invite-form">
      <input type="hidden" name="mapId" value={mapId} />
      <label>
        Email of an existing account{' '}
        <input
          key={state?.values?.email ?? state?.notice ?? ''}
          type="email"
          name="email"
          required
          maxLength={254}
          autoComplete="off"
          defaultValue={state?.values?.email}
        />
      </label>{' '}
      <select name="role" defaultValue="editor" aria-label="Role for the invited person">
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={pending}>
        Invite
      </button>
      {state && !state.ok ? <p role="alert">{state.error}</p> : null}
      {state?.notice ? <p role="status">{state.notice}</p> : null}
    </form>
  )
}
