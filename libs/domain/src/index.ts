// The domain's public file: each feature's public file, lowest layer first (docs/architecture.md).
export * from './audit';
export * from './outbox';
export * from './transitions';
export * from './identity';
export * from './partnership';
export * from './meetings';
export * from './proposals';
export * from './voting';
export * from './followup';
export * from './notifications';
export * from './accounts';
export { DOMAIN_ENTITIES } from './domain-entities';
export { DOMAIN_MODULES } from './domain-modules';
