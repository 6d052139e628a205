export { parseArgdown, DEFAULT_IMPORT_TITLE, type ArgdownParseResult, type ArgdownIssue } from './parse'
export { serializeArgdown, type SerializeArgdownOptions } from './serialize'
export { idFromTitle, relationId, slugify, STATEMENT_PREFIX, ARGUMENT_PREFIX } from './ids'
