import { IncidentEntity } from './incident.entity';

/**
 * What a new incident (opened by a call, or split off another) holds before anyone has worked it:
 * version 1, open, one call, nobody assigned, nothing recorded yet.
 */
export function untouchedRecord(now: Date): Pick<
  IncidentEntity,
  'status' | 'version' | 'openedAt' | 'updatedAt' | 'callCount' | 'assignee' | 'policeReference' | 'cameras' | 'thrive' | 'monitoring' | 'outcome' | 'closedAt' | 'mergedInto'
> {
  return {
    status: 'open',
    version: 1,
    openedAt: now,
    updatedAt: now,
    callCount: 1,
    assignee: null,
    policeReference: null,
    cameras: [],
    thrive: null,
    monitoring: [],
    outcome: null,
    closedAt: null,
    mergedInto: null,
  };
}
