export * from './similarity'
export * from './likelyDuplicates'
