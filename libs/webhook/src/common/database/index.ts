export * from './raw-columns';
export * from './transaction-runner';
export * from './write-health';
