import { joinWithCodeAction } from '../auth-actions'
import styles from '../auth.module.css'
import ActionForm from '@/components/auth/ActionForm'
import { services } from '@/server/app/registry'

export const metadata = { title: 'Join a map' }

const MAX_CODE_CHARS = 20

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const code = ((await searchParams).code ?? '').slice(0, MAX_CODE_CHARS)
  // A link with a code says where it leads before anyone types a name.
  const target = code ? await services().access.previewCode(code) : null
  const klass = code && !target ? await services().classes.previewCode(code) : null
  return (
    <main className={styles.page}>
      <h1>{target ? `Join “${target.mapTitle}”` : klass ? `Join the class “${klass.className}”` : 'Join a map'}</h1>
      {klass ? (
        <p data-testid="join-target">
          You will join as a student. No account needed: choose the name your teacher will see.
        </p>
      ) : target ? (
        <p data-testid="join-target">
          You will join as <strong>{target.role}</strong>
          {target.group ? (
            <>
              {' '}
              in team <strong>{target.group}</strong>
            </>
          ) : null}
          . No account needed: choose the name others will see.
        </p>
      ) : (
        <p>Enter the code your teacher or facilitator gave you. No account needed.</p>
      )}
      {code && !target && !klass ? (
        <p role="alert" className={styles.alt}>
          The code in this link is not valid (it may have expired or been revoked). Check it, or ask for a new one.
        </p>
      ) : null}
      <ActionForm
        action={joinWithCodeAction}
        testId="join-form"
        submitLabel="Join"
        fields={[
          { name: 'code', label: 'Join code', defaultValue: code, maxLength: MAX_CODE_CHARS },
          { name: 'name', label: 'Your name (shown to others)', autoComplete: 'name', maxLength: 60 },
        ]}
      />
    </main>
  )
}
