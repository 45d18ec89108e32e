import { z } from 'zod';
import {
  acknowledgeIncidentSchema,
  addNoteSchema,
  assessThriveSchema,
  assignIncidentSchema,
  closeIncidentSchema,
  IncidentChange,
  locateIncidentSchema,
  mergeIncidentSchema,
  reclassifyIncidentSchema,
  recordCamerasSchema,
  recordMonitoringSchema,
  recordPoliceReferenceSchema,
  regradeIncidentSchema,
  reopenIncidentSchema,
  splitCallSchema,
  startIncidentSchema,
} from '@vigil/contracts';

/**
 * Every operator command, by the last segment of its route (POST /api/incidents/:id/<name>), with
 * the body schema the contract gives it and the change it makes. One table so the routes, the
 * permissions and the state machine cannot disagree on the list.
 */
export const LIFECYCLE_COMMANDS = {
  acknowledge: { schema: acknowledgeIncidentSchema, change: 'acknowledged' },
  assign: { schema: assignIncidentSchema, change: 'assigned' },
  start: { schema: startIncidentSchema, change: 'started' },
  regrade: { schema: regradeIncidentSchema, change: 'regraded' },
  reclassify: { schema: reclassifyIncidentSchema, change: 'reclassified' },
  locate: { schema: locateIncidentSchema, change: 'relocated' },
  notes: { schema: addNoteSchema, change: 'noted' },
  thrive: { schema: assessThriveSchema, change: 'thrive-assessed' },
  cameras: { schema: recordCamerasSchema, change: 'cameras-recorded' },
  'police-reference': { schema: recordPoliceReferenceSchema, change: 'police-reference-recorded' },
  monitoring: { schema: recordMonitoringSchema, change: 'monitoring-recorded' },
  merge: { schema: mergeIncidentSchema, change: 'merged' },
  split: { schema: splitCallSchema, change: 'call-split-out' },
  close: { schema: closeIncidentSchema, change: 'closed' },
  reopen: { schema: reopenIncidentSchema, change: 'reopened' },
} as const satisfies Record<string, { schema: z.ZodType; change: IncidentChange }>;

/** A command's name, as its route spells it. */
export type LifecycleCommandName = keyof typeof LIFECYCLE_COMMANDS;

/** Every command name, in the order the API documents them. */
export const LIFECYCLE_COMMAND_NAMES = Object.keys(LIFECYCLE_COMMANDS) as LifecycleCommandName[];

/** A command with its parsed body: the name picks the body's type. */
export type LifecycleCommand = {
  [N in LifecycleCommandName]: { name: N; body: z.infer<(typeof LIFECYCLE_COMMANDS)[N]['schema']> };
}[LifecycleCommandName];

/** Commands that act on one incident alone (merge and split also move calls). */
export type SingleIncidentCommand = Exclude<LifecycleCommand, { name: 'merge' | 'split' }>;

/** The parsed body of one command. */
export type CommandBody<N extends LifecycleCommandName> = z.infer<(typeof LIFECYCLE_COMMANDS)[N]['schema']>;
