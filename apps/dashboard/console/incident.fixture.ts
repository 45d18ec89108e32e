import type { Incident } from '@vigil/contracts';

/** An open, placed, grade-3 incident at version 1; specs override what they test. */
export function incidentFixture(overrides: Partial<Incident> = {}): Incident {
  return {
    incidentId: '00000000-0000-4000-8000-000000000001',
    reference: 'VIG-2026-000001',
    category: 'Anti Social Behaviour',
    subcategory: null,
    partnerId: 'north-herts',
    town: 'Hitchin Town Centre',
    callSource: 'Controller',
    grade: 3,
    status: 'open',
    summary: 'group shouting outside the station',
    receivedAt: '2026-12-01T22:00:00.000Z',
    openedAt: '2026-12-01T22:00:00.000Z',
    triageReasons: [],
    placement: 'partner',
    clientName: null,
    assignee: null,
    policeReference: null,
    cameras: [],
    thrive: null,
    monitoring: [],
    outcome: null,
    callCount: 1,
    lastCallAt: '2026-12-01T22:00:00.000Z',
    respondBy: null,
    closedAt: null,
    mergedInto: null,
    updatedAt: '2026-12-01T22:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
