export * from './run-batch';
