'use client'

import { useActionState } from 'react'
import type { FormState } from '@/app/auth-actions'
import styles from './ActionForm.module.css'

export interface Field {
  name: string
  label: string
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  maxLength?: number
  defaultValue?: string
}

/** A labelled form bound to a server action that answers with `{ error }`. */
export default function ActionForm({
  action,
  fields,
  submitLabel,
  hidden = {},
  testId,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>
  fields: Field[]
  submitLabel: string
  hidden?: Record<string, string>
  testId?: string
}) {
  const [state, formAction, pending] = useActionState(action, { error: null })
  return (
    <form action={formAction} className={styles.form} data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => (
        <label key={f.name} className={styles.field}>
          <span>{f.label}</span>
          <input
            // A new answer remounts the field, so what the server sent back is what it shows
            // (React resets a form after its action; passwords are never sent back).
            key={`${f.name}:${state.error ?? ''}:${state.values?.[f.name] ?? ''}`}
            name={f.name}
            type={f.type ?? 'text'}
            autoComplete={f.autoComplete}
            maxLength={f.maxLength ?? 200}
            defaultValue={state.values?.[f.name] ?? f.defaultValue}
            required
          />
        </label>
      ))}
      {state.error && (
        <p role="alert" className={styles.error}>
          {state.error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  )
}
