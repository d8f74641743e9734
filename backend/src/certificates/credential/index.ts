export * from './contexts';
export * from './keys';
export * from './data-integrity';
export * from './open-badge';
export * from './status-list';
export * from './ob3-schema';
