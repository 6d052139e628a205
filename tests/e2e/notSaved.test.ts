import Database from 'better-sqlite3'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { createMap, newPerson, signUp, unique } from './support/accounts'
import { addNode, nodeIds, nodeText, presenceNames, waitForState } from './support/editor'

/**
 * [DU2] While the database cannot take edits (here: another connection holds
 * the SQLite write lock), the editor says "Not saved since hh:mm", distinct
 * from "offline"; it clears once saving resumes, and the edit is kept.
 */
describe('saving', () => {
  const baseURL = inject('baseURL')
  const databaseUrl = inject('databaseUrl')
  const run = browserPerFile()

  test('[DU2] a locked database shows "Not saved since hh:mm", which clears once the edit is saved', async () => {
    const me = await newPerson(run.browser, baseURL, unique('Saver'))
    run.keep(me)
    await signUp(me.page, { name: me.name })
    await createMap(me.page, unique('Not saved'))
    await waitForState(me.page, 'connected')
    const saved = await addNode(me.page, 'claim', 'Saved before the lock')

    const locker = new Database(databaseUrl.replace(/^file:/, ''))
    try {
      locker.exec('BEGIN EXCLUSIVE')
      const unsaved = await addNode(me.page, 'claim', 'Written while the database is locked')
      const badge = me.page.locator('[data-testid="connection-status"][data-state="unsaved"]')
      await badge.waitFor()
      expect(await badge.textContent()).toMatch(/^Not saved since \d{1,2}:\d{2}/)
      // The server's signal is not a person.
      expect(await presenceNames(me.page)).toEqual([`${me.name} (you)`])
      locker.exec('COMMIT')
      await waitForState(me.page, 'connected')

      await me.page.reload()
      await waitForState(me.page, 'connected')
      await nodeText(me.page, unsaved).filter({ hasText: 'Written while the database is locked' }).waitFor()
      expect((await nodeIds(me.page)).sort()).toEqual([saved, unsaved].sort())
    } finally {
      if (locker.inTransaction) locker.exec('ROLLBACK')
      locker.close()
    }
  })
})
