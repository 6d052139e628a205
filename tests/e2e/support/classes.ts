import type { Page } from 'playwright-core'

/** The teacher creates a class on /classes; returns its id and join code as the class page shows them. */
export async function createClass(page: Page, name: string): Promise<{ classId: string; code: string }> {
  await page.goto('/classes')
  await page.getByPlaceholder('Name of a new class').fill(name)
  await page.getByTestId('create-class').click()
  await page.waitForURL(/\/classes\/[^/]+$/)
  const code = (await page.getByTestId('class-join-code').innerText()).trim()
  return { classId: decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!), code }
}

/** The teacher gives the class a new map from the class page; returns the map's id. */
export async function assignNewMap(page: Page, title: string): Promise<string> {
  const form = page.getByTestId('assign-map')
  const before = await page.getByTestId('class-map').count()
  await form.getByLabel('Title of the new map').fill(title)
  await form.getByRole('button', { name: 'Assign to the class' }).click()
  await page.getByTestId('class-map').nth(before).waitFor()
  const row = page.getByTestId('class-map').filter({ hasText: title })
  return (await row.getAttribute('data-map-id'))!
}

/** A student joins with the class code and a name, and lands on the class page. */
export async function joinClass(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join?code=${encodeURIComponent(code)}`)
  const form = page.getByTestId('join-form')
  await form.getByLabel('Your name (shown to others)').fill(name)
  await form.getByRole('button', { name: 'Join' }).click()
  await page.getByTestId('class-name').waitFor()
}

/** The teacher sets a student's team in the class's student table. */
export async function setTeam(page: Page, studentName: string, team: string): Promise<void> {
  const row = page.getByTestId('student-row').filter({ hasText: studentName })
  await row.getByTestId('student-team-input').fill(team)
  await row.getByTestId('student-move').click()
  await page.waitForFunction(
    ([name, t]) =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="student-row"]')].some(
        (r) =>
          r.innerText.includes(name!) &&
          (r.querySelector('input[name="team"]') as HTMLInputElement | null)?.value === t,
      ),
    [studentName, team],
  )
}

/** The teacher moves the open map to a phase with the editor's phase switch; waits until the banner says so. */
export async function choosePhase(page: Page, name: string): Promise<void> {
  await page.getByTestId('phase-select').selectOption(name)
  await waitForPhase(page, name)
}

export async function waitForPhase(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="phase-banner"][data-phase="${name}"]`).waitFor()
}
