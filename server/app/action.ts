import { z } from 'zod'
import type { Action, Role } from '../../core/permissions'
import { IdSchema } from '../../core/graph'
import { MapRoleError } from '../auth/mapRole'
import type { SessionUser } from '../auth/sessions'
import { requireMapRole } from './viewer'

/**
 * What every map server action answers: the UI shows `error` (or `notice`) in words, never Next's
 * error screen. A refused form gets back what the person typed, so they fix one field, not all.
 */
export type ActionResult<T extends object = object> =
  ({ ok: true; notice?: string } & T) | { ok: false; error: string; values?: Record<string, string> }

const MAX_ECHO_CHARS = 500

/** What was typed into a form, to send back with a refusal; never a password, never Next's own fields. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, value] of form) {
    if (typeof value === 'string' && !/password/i.test(name) && !name.startsWith('$ACTION'))
      values[name] = value.slice(0, MAX_ECHO_CHARS)
  }
  return values
}

type MapInput = z.ZodType<{ mapId: string }>

/** Form fields as a plain object; Next's own `$ACTION…` fields are not ours to validate. */
function fieldsOf(input: unknown): unknown {
  if (!(input instanceof FormData)) return input
  const fields: Record<string, FormDataEntryValue> = {}
  for (const [name, value] of input) if (!name.startsWith('$ACTION')) fields[name] = value
  return fields
}

/**
 * Wraps a map server action as route() wraps a route: [PH1] zod-validated input (an object or a
 * form), [PH2] the caller's role on `input.mapId` checked before the body runs, and one answer
 * shape. A refusal comes back as `{ ok: false, error }` in words.
 *
 * The wrapped action takes its input as the last argument, so it works both when called directly
 * (`action(input)`) and as a `useActionState` reducer (`action(previousState, formData)`).
 */
export function mapAction<S extends MapInput, T extends object = object>(
  spec: { input: S; needs: Action },
  run: (input: z.infer<S>, caller: { user: SessionUser; role: Role }) => Promise<ActionResult<T> | void>,
): (...args: [unknown] | [unknown, unknown]) => Promise<ActionResult<T>> {
  return async (...args) => {
    const raw = args[args.length - 1]
    const refuse = (error: string): ActionResult<T> =>
      raw instanceof FormData ? { ok: false, error, values: typedValues(raw) } : { ok: false, error }
    const parsed = spec.input.safeParse(fieldsOf(raw))
    if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'Invalid input')
    try {
      const { user, role } = await requireMapRole(parsed.data.mapId, spec.needs)
      // A map action acts as someone: the public role alone (no session) never runs one.
      if (!user) return refuse('Sign in first')
      const result = (await run(parsed.data, { user, role })) ?? ({ ok: true } as ActionResult<T>)
      return result.ok || result.values || !(raw instanceof FormData) ? result : refuse(result.error)
    } catch (err) {
      if (err instanceof MapRoleError) return refuse(err.message)
      throw err
    }
  }
}

/** The map id every map action carries. */
export const MapIdField = { mapId: IdSchema }
