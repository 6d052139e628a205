import { joinWithCodeAction } from '../auth-actions'
import styles from '../auth.module.css'
import ActionForm from '@/components/auth/ActionForm'

export const metadata = { title: 'Join a map' }

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const code = (await searchParams).code ?? ''
  return (
    <main className={styles.page}>
      <h1>Join a map</h1>
      <p>Enter the code your teacher or facilitator gave you. No account needed.</p>
      <ActionForm
        action={joinWithCodeAction}
        testId="join-form"
        submitLabel="Join"
        fields={[
          { name: 'code', label: 'Join code', defaultValue: code, maxLength: 20 },
          { name: 'name', label: 'Your name (shown to others)', autoComplete: 'name', maxLength: 60 },
        ]}
      />
    </main>
  )
}
