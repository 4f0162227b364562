/** Two projects: fast unit specs beside the code, e2e suites in test/ on real databases. */
const moduleNameMapper = {
  '^@app/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
  '^@app/webhook(|/.*)$': '<rootDir>/libs/webhook/src$1',
  '^@app/dora(|/.*)$': '<rootDir>/libs/dora/src$1',
};
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  testEnvironment: 'node',
  moduleNameMapper,
};
module.exports = {
  reporters: ['default', require.resolve('./test/utils/summary-reporter.js')],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,libs,migrations,console}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
    },
  ],
};
