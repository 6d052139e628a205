import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { createJoinCode, createMap, newPerson, signUp, unique } from './support/accounts'

/** A form the server refuses comes back as the person left it (less any password), with the reason. */
describe('forms keep what was typed after a server-side error', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  test('sign-up with a short password keeps the name and the email', async () => {
    const { context, page } = await newPerson(run.browser, baseURL, 'signup')
    const email = `${unique('short')}@example.test`
    await page.goto('/signup')
    const form = page.getByTestId('signup-form')
    await form.getByLabel('Your name (shown to others)').fill('Ada Short')
    await form.getByLabel('Email').fill(email)
    await form.getByLabel(/^Password/).fill('short')
    await form.getByRole('button', { name: 'Create account' }).click()
    await form.getByRole('alert').waitFor()
    expect(await form.getByRole('alert').textContent()).toMatch(/10/)
    expect(await form.getByLabel('Your name (shown to others)').inputValue()).toBe('Ada Short')
    expect(await form.getByLabel('Email').inputValue()).toBe(email)
    expect(await form.getByLabel(/^Password/).inputValue()).toBe('')
    await context.close()
  })

  test('a wrong password on sign-in keeps the email; a bad join code keeps the code and the name', async () => {
    const person = await newPerson(run.browser, baseURL, unique('Signin'))
    const email = `${unique('keep')}@example.test`
    await signUp(person.page, { name: person.name, email })
    const { context, page } = await newPerson(run.browser, baseURL, 'again')
    await page.goto('/signin')
    const form = page.getByTestId('signin-form')
    await form.getByLabel('Email').fill(email)
    await form.getByLabel('Password').fill('not the password at all')
    await form.getByRole('button', { name: 'Sign in' }).click()
    await form.getByRole('alert').waitFor()
    expect(await form.getByLabel('Email').inputValue()).toBe(email)
    expect(await form.getByLabel('Password').inputValue()).toBe('')

    await page.goto('/join')
    const join = page.getByTestId('join-form')
    await join.getByLabel('Join code').fill('NOSUCHCODE')
    await join.getByLabel('Your name (shown to others)').fill('Pupil Nine')
    await join.getByRole('button', { name: 'Join' }).click()
    await join.getByRole('alert').waitFor()
    expect(await join.getByLabel('Join code').inputValue()).toBe('NOSUCHCODE')
    expect(await join.getByLabel('Your name (shown to others)').inputValue()).toBe('Pupil Nine')
    await context.close()
    await person.context.close()
  })

  test('a join link names the map, the role and the team before anyone types a name', async () => {
    const owner = await newPerson(run.browser, baseURL, unique('Teacher'))
    await signUp(owner.page, { name: owner.name })
    const title = unique('Uniform debate')
    const mapId = await createMap(owner.page, title)
    const code = await createJoinCode(owner.page, mapId, 'editor')
    const { context, page } = await newPerson(run.browser, baseURL, 'pupil')
    await page.goto(`/join?code=${encodeURIComponent(code)}`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Join “${title}”`)
    expect(await page.getByTestId('join-target').textContent()).toMatch(/join as editor/)
    await page.goto('/join?code=ZZZZ-ZZZZ')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Join a map')
    expect(await page.getByRole('alert').first().textContent()).toMatch(/not valid/)
    await context.close()
    await owner.context.close()
  })
})
