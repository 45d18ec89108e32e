import { hostAndPort, startupRetryDelaySeconds } from './startup-wait';

describe('startupRetryDelaySeconds', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 5],
    [100, 5],
  ])('after failure %d waits %d s', (attempt, seconds) => {
    expect(startupRetryDelaySeconds(attempt)).toBe(seconds);
  });
});

describe('hostAndPort', () => {
  it.each([
    ['postgres://vigil:s3cret@db.internal:6543/vigil', 5432, 'db.internal:6543', 'password never shown'],
    ['postgres://postgres@127.0.0.1/vigil', 5432, '127.0.0.1:5432', 'default port'],
    ['nats://vigil-services:pw@nats:4222', 4222, 'nats:4222', 'NATS with userinfo'],
    ['nats://127.0.0.1', 4222, '127.0.0.1:4222', 'NATS default port'],
    ['nats://u:p@a:4222, nats://b:4223', 4222, 'a:4222, b:4223', 'NATS server list'],
    ['127.0.0.1:4222', 4222, '127.0.0.1:4222', 'no scheme'],
  ])('%s → %s', (url, defaultPort, expected, _why) => {
    expect(hostAndPort(url, defaultPort)).toBe(expected);
  });
});
