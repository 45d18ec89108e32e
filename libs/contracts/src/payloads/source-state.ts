import { z } from 'zod';

/** Kinds of source whose life Vigil supervises. */
export const SUPERVISED_SOURCE_KINDS = ['airwave', 'townlink', 'alarm'] as const;
/**
 * Health of a source: heard on time, overdue, or silent long enough to treat the path as broken;
 * `key-mismatch` for an alarm path whose panel and register disagree about the AES key.
 */
export const SOURCE_STATES = ['up', 'late', 'down', 'key-mismatch'] as const;

/** A gateway or alarm path changed state (late or down is a fault of the path); one event per committed transition. */
export const sourceStateChangedSchema = z.object({
  sourceKind: z.enum(SUPERVISED_SOURCE_KINDS),
  /** Gateway id or alarm account. */
  sourceId: z.string(),
  partnerId: z.string().nullable(),
  state: z.enum(SOURCE_STATES),
  previousState: z.enum(SOURCE_STATES).nullable(),
  lastSeen: z.iso.datetime({ offset: true }).nullable(),
  changedAt: z.iso.datetime({ offset: true }),
  reason: z.string(),
});
/** A supervision state change. */
export type SourceStateChanged = z.infer<typeof sourceStateChangedSchema>;
/** One of the supervised source kinds. */
export type SupervisedSourceKind = (typeof SUPERVISED_SOURCE_KINDS)[number];
/** One of the source states. */
export type SourceState = (typeof SOURCE_STATES)[number];
