/**
 * The labels silences and routing rules match on: apps/notify's ALERT_LABEL_NAMES, copied because the
 * console may not import an app (notify-labels.spec.ts fails when the two part).
 */
export const ALERT_LABEL_NAMES = ['kind', 'partner', 'town', 'category', 'grade', 'source', 'state', 'police', 'site', 'scope', 'severity', 'camera', 'owner'] as const;

/** How a matcher row compares, and the key notify's matcher schema gives each. */
export const MATCHER_OPS = [
  { op: '=', key: 'equals', text: '= equals' },
  { op: '!=', key: 'notEquals', text: '≠ does not equal' },
  { op: '=~', key: 'matches', text: '~ matches (regex)' },
  { op: 'in', key: 'in', text: 'one of (comma-separated)' },
] as const;
/** One of {@link MATCHER_OPS}. */
export type MatcherOp = (typeof MATCHER_OPS)[number]['op'];
