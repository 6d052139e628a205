import Link from 'next/link'
import { signInAction, signInWithCodeAction } from '../auth-actions'
import styles from '../auth.module.css'
import ActionForm from '@/components/auth/ActionForm'

export const metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = (await searchParams).next ?? '/'
  return (
    <main className={styles.page}>
      <h1>Sign in</h1>
      <ActionForm
        action={signInAction}
        testId="signin-form"
        hidden={{ next }}
        submitLabel="Sign in"
        fields={[
          { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
          { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
        ]}
      />
      <h2>Student with a personal code</h2>
      <ActionForm
        action={signInWithCodeAction}
        testId="code-signin-form"
        hidden={{ next }}
        submitLabel="Sign in with my code"
        fields={[{ name: 'personalCode', label: 'Personal code', autoComplete: 'off', maxLength: 20 }]}
      />
      <p className={styles.alt}>
        New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link> · Have a code?{' '}
        <Link href="/join">Join a map</Link>
      </p>
    </main>
  )
}
