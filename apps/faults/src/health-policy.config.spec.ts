import { ConfigError } from '@vigil/config';
import { DEFAULT_HEALTH_POLICY } from './domain/health-policy';
import { loadHealthPolicy } from './health-policy.config';

describe('loadHealthPolicy', () => {
  it('is the assumed policy when nothing is set', () => {
    expect(loadHealthPolicy({})).toEqual(DEFAULT_HEALTH_POLICY);
  });

  it('reads a VMS that sends a heartbeat every 10 s and debounces of its own, keeping the flapping defaults', () => {
    const policy = loadHealthPolicy({
      VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS: '10000',
      VIGIL_HEALTH_HEARTBEAT_GRACE: '4',
      VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS: '15000',
      VIGIL_HEALTH_TAMPER_DEBOUNCE_MS: '45000',
    });
    expect(policy).toEqual({ ...DEFAULT_HEALTH_POLICY, heartbeatIntervalMs: 10_000, heartbeatGrace: 4, debounceMs: { 'video-loss': 15_000, tamper: 45_000 } });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a heartbeat interval that is not a number', { VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS: '30s' }, /VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS/],
    ['no grace at all', { VIGIL_HEALTH_HEARTBEAT_GRACE: '0' }, /VIGIL_HEALTH_HEARTBEAT_GRACE/],
    ['a negative debounce', { VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS: '-1' }, /VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS/],
    ['a tamper debounce of more than a day', { VIGIL_HEALTH_TAMPER_DEBOUNCE_MS: '86400001' }, /VIGIL_HEALTH_TAMPER_DEBOUNCE_MS/],
  ])('refuses to start on %s, naming the variable', (_what, env, message) => {
    expect(() => loadHealthPolicy(env)).toThrow(ConfigError);
    expect(() => loadHealthPolicy(env)).toThrow(message);
  });
});
