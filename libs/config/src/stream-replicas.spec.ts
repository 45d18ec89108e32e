import { ConfigError, loadPlatformConfig } from './platform.config';

const SECRET = { VIGIL_AUTH_SECRET: 'a-secret-of-32-or-more-characters-for-this-test' };

describe('VIGIL_STREAM_REPLICAS', () => {
  it.each([
    [undefined, 1],
    ['1', 1],
    ['3', 3],
    ['5', 5],
  ])('%s → %s copies of each stream', (value, replicas) => {
    expect(loadPlatformConfig({ ...SECRET, VIGIL_STREAM_REPLICAS: value }).streamReplicas).toBe(replicas);
  });

  it.each(['2', '0', 'three'])('refuses %s, saying what it takes', (value) => {
    expect(() => loadPlatformConfig({ ...SECRET, VIGIL_STREAM_REPLICAS: value })).toThrow(ConfigError);
    expect(() => loadPlatformConfig({ ...SECRET, VIGIL_STREAM_REPLICAS: value })).toThrow(/VIGIL_STREAM_REPLICAS: .*(1, 3 or 5|number)/);
  });
});
