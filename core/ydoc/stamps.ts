import type { YRecord } from './shape'

/** When a record was made and last changed, for "who wrote what, when" ([PA1]); written by the ops only. */
export const stampNew = <T extends object>(fields: T) => ({ ...fields, createdAt: Date.now() })
export const stampEdit = (record: YRecord) => record.set('editedAt', Date.now())
