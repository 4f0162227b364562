export * from './run-batch';
export * from './item-write-failure';
