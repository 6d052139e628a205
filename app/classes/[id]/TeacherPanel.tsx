import { addStudentsAction, moveStudentAction, reissueCodesAction } from '../actions'
import type { ClassView } from '@/server/teaching/classes'
import { SignInList } from '../SignInList'

/** [PK2], [PK5] The teacher's half of the class page: the roster, teams, and sign-in lists. */
export function TeacherPanel({ view }: { view: ClassView }) {
  const students = view.members.filter((m) => m.role === 'student')
  return (
    <>
      <section aria-labelledby="students">
        <h2 id="students">Students ({students.length})</h2>
        <table data-testid="student-table">
          <tbody>
            {students.map((s) => (
              <tr key={s.userId} data-testid="student-row" data-user-id={s.userId}>
                <td data-testid="student-name">{s.name}</td>
                <td>
                  <form action={moveStudentAction} aria-label={`Team of ${s.name}`}>
                    <input type="hidden" name="classId" value={view.id} />
                    <input type="hidden" name="userId" value={s.userId} />
                    <input
                      name="team"
                      defaultValue={s.team ?? ''}
                      maxLength={40}
                      aria-label="Team"
                      data-testid="student-team-input"
                    />
                    <button type="submit" data-testid="student-move">
                      Set team
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="add-students">
        <h2 id="add-students">Add students (no email needed)</h2>
        <SignInList
          action={addStudentsAction}
          classId={view.id}
          className={view.name}
          submitLabel="Add students"
          testId="roster-form"
          roster
        />
      </section>
      <section aria-labelledby="reissue">
        <h2 id="reissue">Lost the list?</h2>
        <SignInList
          action={reissueCodesAction}
          classId={view.id}
          className={view.name}
          submitLabel="Issue new codes for everyone"
          testId="reissue-form"
        />
      </section>
    </>
  )
}
