export * from './quotes'
export * from './attribution'
export * from './voice'
