import { z } from 'zod';
import type { CommandRefusal } from '@vigil/config';
import type { ConfigError } from '../domain/routing/config-error';
import type { RoutingView } from './routing-view';

/** The body of PUT /api/notify/routing: the whole config, validated by notify's routing schema, not here. */
export const changeRoutingSchema = z.strictObject({
  config: z.record(z.string(), z.unknown()).describe('the whole routing config, as in VIGIL_NOTIFY_ROUTING_FILE (durations as 30s, 5m, 4h)'),
  expectedVersion: z.number().int().min(0).describe('the version the edit starts from (0 for the first rules)'),
  comment: z.string().trim().min(1).max(500).describe('why: kept in the history'),
});
/** A change of the routing rules. */
export type ChangeRouting = z.infer<typeof changeRoutingSchema>;

/** What came of a change: the new version in force, or why not (`invalid` lists every error at its path). */
export type ChangeRoutingResult = { kind: 'saved'; rules: RoutingView } | { kind: 'invalid'; errors: ConfigError[] } | CommandRefusal<RoutingView>;
