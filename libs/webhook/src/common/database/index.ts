export * from './raw-columns';
export * from './transaction-runner';
export * from './row-recorder';
export * from './write-health';
