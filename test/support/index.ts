export * from './eventually';
export * from './test-environment';
export * from './sql';
export * from './gateway';
export * from './embedded-vigil';
export * from './child-app';
export * from './tcp-proxy';
export * from './nats-cluster';
