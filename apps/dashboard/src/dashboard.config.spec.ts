import { loadDashboardOptions } from './dashboard.config';

describe('loadDashboardOptions', () => {
  it.each<[string | undefined, number]>([
    [undefined, 10_000],
    ['1', 1],
    ['250000', 250_000],
  ])('VIGIL_DASHBOARD_REPLAY_LIMIT=%p gives a replay limit of %p', (value, limit) => {
    expect(loadDashboardOptions({ VIGIL_DASHBOARD_REPLAY_LIMIT: value })).toEqual({ replayLimit: limit });
  });

  it.each(['0', '-5', '2.5', 'lots'])('refuses VIGIL_DASHBOARD_REPLAY_LIMIT=%p, naming it', (value) => {
    expect(() => loadDashboardOptions({ VIGIL_DASHBOARD_REPLAY_LIMIT: value })).toThrow(/VIGIL_DASHBOARD_REPLAY_LIMIT/);
  });
});
