/**
 * One jest config, tiers told apart by file suffix: *.spec.ts (unit), *.int-spec.ts, *.e2e-spec.ts, and
 * *.cluster-spec.ts (a three-node NATS cluster losing a node: run alone by `npm run test:cluster`, since it
 * kills servers and processes and measures recovery, which the parallel suite's load would distort; one file
 * at a time, since every such file kills nodes of the same local cluster).
 */
const tier = process.env.VIGIL_TEST_TIER;
const suffix = { unit: 'spec', int: 'int-spec', e2e: 'e2e-spec', cluster: 'cluster-spec' }[tier];
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: suffix ? `(^|/)[^/]+\\.${suffix}\\.ts$` : '\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@vigil/contracts$': '<rootDir>/libs/contracts/src',
    '^@vigil/bus$': '<rootDir>/libs/bus/src',
    '^@vigil/db$': '<rootDir>/libs/db/src',
    '^@vigil/liveness$': '<rootDir>/libs/liveness/src',
    '^@vigil/auth$': '<rootDir>/libs/auth/src',
    '^@vigil/observability$': '<rootDir>/libs/observability/src',
    '^@vigil/config$': '<rootDir>/libs/config/src',
    '^@vigil/timers$': '<rootDir>/libs/timers/src',
    '^@vigil/testing$': '<rootDir>/test/support',
  },
  testTimeout: 60000,
};
