'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { IdSchema, MAP_TITLE_MAX } from '@/core/graph'
import { services } from '@/server/app/registry'
import { checkMapRole } from '@/server/auth/mapRole'
import { currentUser } from '@/server/app/viewer'
import { ClassNameSchema, RosterSchema, TeamSchema, type SignInLine } from '@/server/teaching/classes'
import { copyToTeams } from '@/server/teaching/groupMaps'

/** What the roster and code forms answer: an error, or the printable sign-in lines. */
export type SignInListState = { error: string | null; lines?: SignInLine[] }

const ClassIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
const teamOf = (v: FormDataEntryValue | null) => TeamSchema.parse(typeof v === 'string' && v.trim() !== '' ? v : null)

/** [PK1] Every class action re-checks that the caller teaches the class: the page hiding a form is not the protection. */
async function asTeacher(classId: unknown): Promise<{ classId: string; userId: string }> {
  const id = ClassIdSchema.parse(classId)
  const user = await currentUser()
  if (!user || !(await services().classes.isTeacher(id, user.id)))
    throw new Error('Only the class’s teachers can do that')
  return { classId: id, userId: user.id }
}

const done = (classId: string) => revalidatePath(`/classes/${classId}`)

export async function createClassAction(form: FormData): Promise<void> {
  const user = await currentUser()
  if (!user || user.isGuest) throw new Error('Sign in with an account to create a class')
  const name = ClassNameSchema.parse(form.get('name'))
  const { id } = await services().classes.create(user.id, name)
  redirect(`/classes/${id}`)
}

/** [PK2] Managed accounts for a roster, answered once as a printable sign-in list. */
export async function addStudentsAction(_prev: SignInListState, form: FormData): Promise<SignInListState> {
  const { classId } = await asTeacher(form.get('classId'))
  const names = RosterSchema.safeParse(form.get('names') ?? '')
  if (!names.success) return { error: names.error.issues[0]?.message ?? 'Check the names' }
  const lines = await services().classes.addStudents(classId, names.data, teamOf(form.get('team')))
  done(classId)
  return { error: null, lines }
}

/** [PK2] New codes for every managed student (the old ones stop working), as a fresh list. */
export async function reissueCodesAction(_prev: SignInListState, form: FormData): Promise<SignInListState> {
  const { classId } = await asTeacher(form.get('classId'))
  return { error: null, lines: await services().classes.reissueCodes(classId) }
}

/** [PK2] A signed-in student asks for a personal code to sign in elsewhere; the previous one stops working. */
export async function myCodeAction(_prev: SignInListState, form: FormData): Promise<SignInListState> {
  const classId = ClassIdSchema.parse(form.get('classId'))
  const user = await currentUser()
  if (!user) return { error: 'Sign in first' }
  const lines = await services().classes.reissueCodes(classId, [user.id])
  return lines.length > 0 ? { error: null, lines } : { error: 'Only students without an email sign in with a code' }
}

/** [PK4] Gives the class a map the teacher owns, or a new one. */
export async function assignMapAction(form: FormData): Promise<void> {
  const { classId, userId } = await asTeacher(form.get('classId'))
  const picked = form.get('mapId')
  let mapId: string
  if (typeof picked === 'string' && picked !== '') {
    mapId = IdSchema.parse(picked)
    // Only a map the teacher manages can be given away to a class.
    if (!(await checkMapRole(services().access, mapId, userId, 'manage')).ok)
      throw new Error('You can only assign maps you own')
  } else {
    const title = z.string().trim().min(1, 'Name the map').max(MAP_TITLE_MAX).parse(form.get('title'))
    mapId = (await services().maps.create({ title, ownerId: userId })).id
  }
  await services().classes.assignMap(classId, mapId)
  done(classId)
}

/** [PG1] One step: the template map copied to each team, each copy that team's own map. */
export async function copyToTeamsAction(form: FormData): Promise<void> {
  const { classId, userId } = await asTeacher(form.get('classId'))
  const templateId = IdSchema.parse(form.get('mapId'))
  if (!(await checkMapRole(services().access, templateId, userId, 'manage')).ok)
    throw new Error('You can only copy maps you own')
  const result = await copyToTeams(services(), classId, templateId, userId)
  if (!result.ok) throw new Error(result.error)
  redirect(`/classes/${classId}/teams/${templateId}`)
}

/** [PK5] Moves a student to a team (empty: no team); their work stays theirs. */
export async function moveStudentAction(form: FormData): Promise<void> {
  const { classId } = await asTeacher(form.get('classId'))
  const userId = z.string().min(1).max(64).parse(form.get('userId'))
  if (!(await services().classes.moveStudent(classId, userId, teamOf(form.get('team')))))
    throw new Error('No such student in this class')
  done(classId)
}
