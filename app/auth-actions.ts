'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { IdSchema } from '@/core/graph'
import { typedValues } from '@/server/app/action'
import { services } from '@/server/app/registry'
import { currentUser, endSession, startSession } from '@/server/app/viewer'
import { DisplayNameSchema, EmailSchema, PasswordSchema } from '@/server/auth/accounts'

/** A refused form comes back with what the person typed (never a password), so they fix one field, not all. */
export type FormState = { error: string | null; values?: Record<string, string>; notice?: string }

function refused(form: FormData, error: string): FormState {
  return { error, values: typedValues(form) }
}

/** Only same-site paths: an open redirect would let a link send people anywhere after sign-in. */
function safeNext(value: FormDataEntryValue | null): string {
  const s = typeof value === 'string' ? value : ''
  return /^\/(?![/\\])[\w\-/?=&#.%]*$/.test(s) ? s : '/'
}

const firstIssue = (e: z.ZodError) => e.issues[0]?.message ?? 'Invalid input'

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = z
    .object({ email: EmailSchema, password: PasswordSchema, name: DisplayNameSchema })
    .safeParse({ email: form.get('email'), password: form.get('password'), name: form.get('name') })
  if (!input.success) return refused(form, firstIssue(input.error))
  const result = await services().accounts.signUp(input.data)
  if (!result.ok) return refused(form, result.error)
  await startSession(result.user.id)
  redirect(safeNext(form.get('next')))
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = z
    .object({ email: EmailSchema, password: z.string().min(1).max(200) })
    .safeParse({ email: form.get('email'), password: form.get('password') })
  if (!input.success) return refused(form, firstIssue(input.error))
  const result = await services().accounts.signIn(input.data)
  if (!result.ok) return refused(form, result.error)
  await startSession(result.user.id)
  redirect(safeNext(form.get('next')))
}

/** [PK2] Students without an email sign in with the personal code on their class's sign-in list. */
export async function signInWithCodeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const code = z.string().trim().min(12, 'Enter your personal code').max(20).safeParse(form.get('personalCode'))
  if (!code.success) return refused(form, firstIssue(code.error))
  const user = await services().classes.userForPersonalCode(code.data)
  if (!user) return refused(form, 'That personal code is not valid (your teacher can print a new one)')
  await startSession(user.id)
  redirect(safeNext(form.get('next')))
}

export async function signOutAction(): Promise<void> {
  await endSession()
  redirect('/')
}

/** Classrooms need no email: a join code and a display name make a guest member. */
export async function joinWithCodeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = z
    .object({ code: z.string().trim().min(4, 'Enter the join code').max(20), name: DisplayNameSchema })
    .safeParse({ code: form.get('code'), name: form.get('name') })
  if (!input.success) return refused(form, firstIssue(input.error))
  // [PK2] A class code makes the person a student of the class: one account for all its maps.
  if (await services().classes.isClassCode(input.data.code)) {
    const signedIn = await currentUser()
    const joined = await services().classes.joinByCode(
      input.data.code,
      signedIn ? { userId: signedIn.id } : { name: input.data.name },
    )
    if (!joined.ok) return refused(form, joined.error)
    if (!signedIn) await startSession(joined.userId)
    redirect(`/classes/${joined.classId}`)
  }
  const user = (await currentUser()) ?? (await newGuest(input.data.name))
  const result = await services().access.redeem(input.data.code, user.id)
  if (!result.ok) return refused(form, result.error)
  redirect(`/maps/${result.mapId}`)
}

/** A map open to anyone with its address still needs a name for presence. */
export async function joinOpenMapAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = z
    .object({ mapId: IdSchema, name: DisplayNameSchema })
    .safeParse({ mapId: form.get('mapId'), name: form.get('name') })
  if (!input.success) return refused(form, firstIssue(input.error))
  if (!(await currentUser())) await newGuest(input.data.name)
  redirect(`/maps/${input.data.mapId}`)
}

async function newGuest(name: string) {
  const guest = await services().accounts.createGuest(name)
  await startSession(guest.id)
  return guest
}
