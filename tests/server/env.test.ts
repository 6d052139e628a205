import { describe, expect, test } from 'vitest'
import { parseEnv } from '@/server/env'

describe('server configuration (server/env.ts)', () => {
  test('defaults give the embedded mode; COOKIE_SECURE is off unless asked for', () => {
    const env = parseEnv({})
    expect(env.DATABASE_URL).toBe('file:./data/crux.db')
    expect(env.COOKIE_SECURE).toBe(false)
    expect(parseEnv({ COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true)
  })

  test('a malformed value is refused by name, not read as a default', () => {
    expect(() => parseEnv({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})
