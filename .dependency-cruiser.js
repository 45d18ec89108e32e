/** Import boundaries, checked by `npm run lint:boundaries` in `npm test` and CI. */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'Apps speak to each other only through libs/contracts on the bus. The embedded composition root is the one exception.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/embedded/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'contracts-import-no-framework',
      comment: 'libs/contracts is plain TypeScript and zod: no Nest, NATS, TypeORM, socket.io or other lib.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: {
        pathNot: ['^libs/contracts/', 'node_modules/zod/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'libs-import-no-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain decisions are pure functions of their inputs: no framework, broker or database.',
      severity: 'error',
      from: { path: ['^(apps|libs)/[^/]+/src/domain/', '^apps/[^/]+/src/[^/]+/domain/'] },
      to: { path: ['node_modules/(@nestjs|nats|typeorm|pg|socket\\.io|graphile-worker)', '^libs/(bus|db|auth|observability|config|timers)/', '^libs/liveness/src/(?!domain/)'] },
    },
    {
      name: 'timers-know-no-bus',
      comment: 'Timers are Postgres only: a handler that must announce something writes to its app\'s outbox.',
      severity: 'error',
      from: { path: '^libs/timers/' },
      to: { path: ['^libs/(bus|contracts|auth|config)/', 'node_modules/nats/'] },
    },
    {
      name: 'graphile-worker-only-in-libs-timers',
      comment: 'Apps schedule through @vigil/timers, so the library can be swapped in one place.',
      severity: 'error',
      from: { pathNot: '^libs/timers/' },
      to: { path: 'node_modules/graphile-worker/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '\\.int-spec\\.ts$', '\\.e2e-spec\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
