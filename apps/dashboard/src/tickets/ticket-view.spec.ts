import { TicketAudience } from '@vigil/contracts';
import { ticketViewFor, TicketFact } from './ticket-view';

const clock = (dueAt: string) => ({ dueAt, warnAt: '2026-11-24T01:00:00.000Z', metAt: null, warned: true, breached: false });

const FIXED: TicketFact = {
  ticketId: '0e4c8f7a-2b1d-4e5f-9a6b-7c8d9e0f1a2b',
  reference: 'FLT-2026-000231',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin',
  scope: 'camera',
  siteId: 'hitchin-market',
  cameraIds: ['NH-014'],
  symptom: 'no-video',
  severity: 'emergency',
  severityReason: 'loss-of-image',
  origin: 'person',
  description: 'picture black since 22:40',
  status: 'fixed',
  reportedBy: 'op-1',
  reportedAt: '2026-11-23T22:41:42.100Z',
  contract: 'herts-maintenance-2026',
  response: clock('2026-11-24T02:41:42.100Z'),
  fix: clock('2026-11-24T10:41:42.100Z'),
  engineerReport: { engineer: 'Sam Patel', cause: 'water in the junction box', work: 'resealed, replaced PSU', partsReplaced: ['PSU 12V'] },
  verifiedAt: null,
  reopenCount: 1,
  updatedAt: '2026-11-24T03:00:00.000Z',
  version: 5,
  change: 'fixed',
  changedBy: 'eng-1',
  changeReason: null,
};

const CONTRACT_INTERNALS = ['contract', 'severityReason', 'reopenCount'];

describe('ticketViewFor: what each audience is sent of a ticket', () => {
  it.each<[TicketAudience, string[], string[]]>([
    ['maintenance', [], []],
    ['owner', CONTRACT_INTERNALS, ['warnAt', 'warned']],
    ['police', [...CONTRACT_INTERNALS, 'engineerReport'], ['warnAt', 'warned']],
  ])('%s: without %j, clocks without %j', (audience, absent, absentFromClocks) => {
    const view = ticketViewFor(audience, FIXED, 42);
    for (const field of absent) expect(view).not.toHaveProperty(field);
    for (const field of absentFromClocks) {
      expect(view.response).not.toHaveProperty(field);
      expect(view.fix).not.toHaveProperty(field);
    }
    expect(view).toMatchObject({ audience, streamSeq: 42, reference: FIXED.reference, status: 'fixed', version: 5, cameraIds: ['NH-014'] });
    expect(view.response).toMatchObject({ dueAt: FIXED.response.dueAt, metAt: null, breached: false });
  });

  it.each<[TicketAudience, boolean]>([
    ['maintenance', true],
    ['owner', true],
    ['police', false],
  ])("%s reads the engineer's report: %s", (audience, reads) => {
    expect(ticketViewFor(audience, FIXED, 1).engineerReport !== undefined).toBe(reads);
  });

  it('leaves the ticket it was given untouched (one fact, three views)', () => {
    const before = structuredClone(FIXED);
    ticketViewFor('police', FIXED, 1);
    expect(FIXED).toEqual(before);
  });
});
