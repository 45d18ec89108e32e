/** Settings of the dashboard's feed, from the environment of whichever process runs it. */
export interface DashboardOptions {
  /** The most stream messages replayed to one reconnecting client; beyond it the client reloads a snapshot. */
  replayLimit: number;
}

/** Injection token of {@link DashboardOptions}. */
export const DASHBOARD_OPTIONS = Symbol('DASHBOARD_OPTIONS');

/** Used when nothing is configured: a shift's worth of incidents. */
export const DEFAULT_REPLAY_LIMIT = 10_000;
