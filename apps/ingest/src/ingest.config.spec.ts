import { loadIngestOptions } from './ingest.config';

const URL = 'postgres://postgres@127.0.0.1:5432/vigil';

describe('loadIngestOptions: DC-09 timing settings', () => {
  it('defaults to a 120 s idle timeout, a 5 min resend window and a 10 s account cache', () => {
    expect(loadIngestOptions({}, URL).dc09).toMatchObject({ idleTimeoutSeconds: 120, resendWindowSeconds: 300, accountCacheSeconds: 10 });
  });

  it('reads them from the environment', () => {
    const env = { VIGIL_DC09_IDLE_TIMEOUT_SECONDS: '30', VIGIL_DC09_RESEND_WINDOW_SECONDS: '600', VIGIL_DC09_ACCOUNT_CACHE_SECONDS: '0' };
    expect(loadIngestOptions(env, URL).dc09).toMatchObject({ idleTimeoutSeconds: 30, resendWindowSeconds: 600, accountCacheSeconds: 0 });
  });

  it.each([
    ['a resend window of hours', 'VIGIL_DC09_RESEND_WINDOW_SECONDS', '7200'],
    ['no resend window', 'VIGIL_DC09_RESEND_WINDOW_SECONDS', '0'],
    ['no idle timeout', 'VIGIL_DC09_IDLE_TIMEOUT_SECONDS', '0'],
    ['a negative cache time', 'VIGIL_DC09_ACCOUNT_CACHE_SECONDS', '-1'],
  ])('refuses %s, naming the variable', (_name, variable, value) => {
    expect(() => loadIngestOptions({ [variable]: value }, URL)).toThrow(variable);
  });
});
