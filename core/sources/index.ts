export * from './quotes'
export * from './attribution'
