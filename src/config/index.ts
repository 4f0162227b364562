export * from './app-config';
export * from './database-url';
export * from './data-source-options';
export * from './encryption-secret';
export * from './environment';
