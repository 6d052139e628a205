import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { IMPORT_MAX_BYTES, IMPORT_SIZE_MESSAGE, importTooBig, utf8Length } from '@/core/convert/importLimits'
import { ImportRequestSchema } from '@/server/publishing/interchange'

describe('[AF5] the import size limit', () => {
  test('utf8Length is the UTF-8 byte length of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'))
      }),
      { numRuns: 500 },
    )
  })

  test('the limit is in bytes of the file: 5 MB of "é" is half as many characters', () => {
    const ok = (text: string) => ImportRequestSchema.safeParse({ format: 'argdown', text }).success
    expect(ok('é'.repeat(IMPORT_MAX_BYTES / 2))).toBe(true)
    expect(ok('é'.repeat(IMPORT_MAX_BYTES / 2 + 1))).toBe(false)
    expect(ok('x'.repeat(IMPORT_MAX_BYTES))).toBe(true)
    const over = ImportRequestSchema.safeParse({ format: 'argdown', text: 'x'.repeat(IMPORT_MAX_BYTES + 1) })
    expect(over.success ? [] : over.error.issues.map((i) => i.message)).toContain(IMPORT_SIZE_MESSAGE)
  })

  test('the form says the same, with the file size, before sending', () => {
    expect(importTooBig(IMPORT_MAX_BYTES)).toBeUndefined()
    expect(importTooBig(10_400_000)).toBe(`${IMPORT_SIZE_MESSAGE}; this one is 10.4 MB`)
  })
})
