import Link from 'next/link'
import { signUpAction } from '../auth-actions'
import styles from '../auth.module.css'
import ActionForm from '@/components/auth/ActionForm'

export const metadata = { title: 'Create an account' }

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = (await searchParams).next ?? '/'
  return (
    <main className={styles.page}>
      <h1>Create an account</h1>
      <ActionForm
        action={signUpAction}
        testId="signup-form"
        hidden={{ next }}
        submitLabel="Create account"
        fields={[
          { name: 'name', label: 'Your name (shown to others)', autoComplete: 'name', maxLength: 60 },
          { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
          {
            name: 'password',
            label: 'Password (10 characters or more)',
            type: 'password',
            autoComplete: 'new-password',
          },
        ]}
      />
      <p className={styles.alt}>
        Already have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  )
}
