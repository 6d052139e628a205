export * from './roles'
export * from './contributions'
export * from './phases'
export * from './phaseSet'
