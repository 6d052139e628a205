import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { createJoinCode, createMap, joinWithCode, newPerson, signUp, unique } from './support/accounts'

/** [PR7] The sharing page never offers what the server would refuse the last owner. */
describe('sharing page', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  test('[PR7] the only owner gets no Remove and no role change; once a second owner exists, both can be managed', async () => {
    const owner = await newPerson(run.browser, baseURL, unique('Owner'))
    await signUp(owner.page, { name: owner.name })
    const mapId = await createMap(owner.page, unique('Shared map'))
    const code = await createJoinCode(owner.page, mapId, 'editor')
    const guest = await newPerson(run.browser, baseURL, unique('Guest'))
    await joinWithCode(guest.page, code, guest.name)

    const page = owner.page
    await page.goto(`/maps/${mapId}/share`)
    const rows = page.getByTestId('members').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const ownerRow = rows.filter({ hasText: owner.name })
    const guestRow = rows.filter({ hasText: guest.name })
    expect(await ownerRow.getByTestId('last-owner').count()).toBe(1)
    expect(await ownerRow.getByRole('button', { name: /^Remove/ }).count()).toBe(0)
    expect(await guestRow.getByRole('button', { name: `Remove ${guest.name}` }).count()).toBe(1)

    // Promote the guest to owner: now neither is the last, and both rows can be managed.
    await guestRow.getByLabel(`Role of ${guest.name}`).selectOption('owner')
    await guestRow.getByRole('button', { name: 'Change' }).click()
    await expect.poll(() => page.getByTestId('last-owner').count()).toBe(0)
    expect(
      await rows
        .filter({ hasText: owner.name })
        .getByRole('button', { name: `Remove ${owner.name}` })
        .count(),
    ).toBe(1)
    await guest.context.close()
    await owner.context.close()
  })

  test('[PR10] an owner invites an existing account by email, and hears in words when no account uses an email', async () => {
    const owner = await newPerson(run.browser, baseURL, unique('Facilitator'))
    await signUp(owner.page, { name: owner.name })
    const mapId = await createMap(owner.page, unique('Workshop map'))
    const expert = await newPerson(run.browser, baseURL, unique('Expert'))
    const email = `${unique('expert')}@example.test`
    await signUp(expert.page, { name: expert.name, email })

    const page = owner.page
    await page.goto(`/maps/${mapId}/share`)
    const form = page.getByTestId('invite-form')
    await form.getByLabel('Email of an existing account').fill('no-such-person@example.test')
    await form.getByRole('button', { name: 'Invite' }).click()
    await form.getByRole('alert').waitFor()
    expect(await form.getByRole('alert').textContent()).toMatch(/No account uses no-such-person@example.test/)
    expect(await form.getByLabel('Email of an existing account').inputValue()).toBe('no-such-person@example.test')

    await form.getByLabel('Email of an existing account').fill(email)
    await form.getByLabel('Role for the invited person').selectOption('commenter')
    await form.getByRole('button', { name: 'Invite' }).click()
    await form.getByRole('status').waitFor()
    expect(await form.getByRole('status').textContent()).toBe(`${expert.name} can now open this map as commenter.`)
    const row = page.getByTestId('members').locator('tbody tr').filter({ hasText: expert.name })
    await expect.poll(() => row.getByLabel(`Role of ${expert.name}`).inputValue()).toBe('commenter')

    // The invited person can open the map now.
    await expert.page.goto(`/maps/${mapId}`)
    await expert.page.getByTestId('map-editor').waitFor()
    await expert.context.close()
    await owner.context.close()
  })

  test('[PH2] [PR9] an owner demoted while the page is open is refused in words on the page, not with an error screen', async () => {
    const first = await newPerson(run.browser, baseURL, unique('First owner'))
    await signUp(first.page, { name: first.name })
    const mapId = await createMap(first.page, unique('Two owners'))
    const second = await newPerson(run.browser, baseURL, unique('Second owner'))
    const email = `${unique('second')}@example.test`
    await signUp(second.page, { name: second.name, email })
    await first.page.goto(`/maps/${mapId}/share`)
    const invite = first.page.getByTestId('invite-form')
    await invite.getByLabel('Email of an existing account').fill(email)
    await invite.getByLabel('Role for the invited person').selectOption('owner')
    await invite.getByRole('button', { name: 'Invite' }).click()
    await invite.getByRole('status').waitFor()

    // The second owner opens sharing; the first demotes them to viewer meanwhile.
    await second.page.goto(`/maps/${mapId}/share`)
    await first.page.reload()
    const row = first.page.getByTestId('members').locator('tbody tr').filter({ hasText: second.name })
    await row.getByLabel(`Role of ${second.name}`).selectOption('viewer')
    await row.getByRole('button', { name: 'Change' }).click()
    await expect.poll(() => row.getByLabel(`Role of ${second.name}`).inputValue()).toBe('viewer')

    const codesBefore = await first.page.getByTestId('join-code').count()
    const create = second.page.getByRole('form', { name: 'Create a join code' })
    await create.getByTestId('create-link').click()
    await create.getByRole('alert').waitFor()
    expect(await create.getByRole('alert').textContent()).toBe(
      'Your role (viewer) cannot manage this map (only owners can)',
    )
    expect(await second.page.getByTestId('members').count()).toBe(1) // still the page, not an error screen
    // The control: the first owner's same click makes a code.
    await first.page.getByTestId('create-link').click()
    await expect.poll(() => first.page.getByTestId('join-code').count()).toBe(codesBefore + 1)
    await first.page.reload()
    expect(await first.page.getByTestId('join-code').count()).toBe(codesBefore + 1)
    await second.context.close()
    await first.context.close()
  })
})
