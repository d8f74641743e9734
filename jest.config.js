// One Jest run covers every project: unit specs beside the code, integration specs against
// the real PostgreSQL and Redis (a fresh database per run, made by the global setup).
/** swc keeps the run fast on two cores; decoratorMetadata is what Nest DI and TypeORM need. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': swc },
  // ESM-only packages reached through @fastify/static (Swagger UI); Node 20 loads them natively,
  // Jest's module system needs them compiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: { '^@qadam/contracts$': '<rootDir>/libs/contracts/src/index.ts' },
  rootDir: __dirname,
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/backend/src/**/*.spec.ts',
        '<rootDir>/certificates/src/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/backend/test/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/backend/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/backend/test/support/global-teardown.ts',
      testTimeout: 30000,
    },
  ],
};
