export * from './raw-columns';
export * from './transaction-runner';
