import { applyCommand, ApplyResult, IncidentRecord } from './apply-command';
import { SingleIncidentCommand } from './lifecycle-command';

const now = new Date('2026-12-01T22:00:00.000Z');

const record: IncidentRecord = {
  status: 'acknowledged',
  grade: 3,
  receivedAt: new Date('2026-12-01T21:50:00.000Z'),
  respondBy: new Date('2026-12-02T21:50:00.000Z'),
  category: 'Anti-Social Behaviour',
  subcategory: null,
  partnerId: 'stevenage',
  town: 'Stevenage Town Centre',
  placement: 'partner',
  clientName: null,
  assignee: 'op-ann',
  policeReference: null,
  cameras: ['SBC-01'],
  thrive: null,
  monitoring: [],
  outcome: null,
  closedAt: null,
};

const outcome = { arrests: 2, policeAttended: true, footageRequested: true, noFurtherAction: false, summary: 'Two arrested' };
const reason = 'seen on camera';

type Expected = Partial<Extract<ApplyResult, { ok: true }>> | { ok: false; reason: string };

describe('applyCommand', () => {
  it.each<[string, SingleIncidentCommand, Expected]>([
    ['assigns', { name: 'assign', body: { version: 1, assignee: 'op-bob' } }, { change: 'assigned', patch: { assignee: 'op-bob' } }],
    ['hands back', { name: 'assign', body: { version: 1, assignee: null } }, { change: 'assigned', patch: { assignee: null } }],
    ['refuses the same assignee', { name: 'assign', body: { version: 1, assignee: 'op-ann' } }, { ok: false, reason: 'unchanged' }],
    ['regrades with its reason', { name: 'regrade', body: { version: 1, grade: 1, reason } }, { change: 'regraded', patch: { grade: 1, respondBy: new Date('2026-12-01T22:05:00.000Z') }, reason }],
    ['regrades to a grade without a target time', { name: 'regrade', body: { version: 1, grade: 4, reason } }, { patch: { grade: 4, respondBy: null } }],
    ['refuses the same grade', { name: 'regrade', body: { version: 1, grade: 3, reason } }, { ok: false, reason: 'unchanged' }],
    ['reclassifies within the taxonomy', { name: 'reclassify', body: { version: 1, category: 'Assault', subcategory: null, reason } }, { change: 'reclassified', patch: { category: 'Assault', subcategory: null } }],
    ['refuses a category outside the taxonomy', { name: 'reclassify', body: { version: 1, category: 'Jaywalking', subcategory: null, reason } }, { ok: false, reason: 'unknown-category' }],
    ['refuses a subcategory of another category', { name: 'reclassify', body: { version: 1, category: 'Assault', subcategory: 'Nonsense', reason } }, { ok: false, reason: 'unknown-category' }],
    ['places with a partner, in its spelling of the town', { name: 'locate', body: { version: 1, partnerId: 'north-herts', town: 'hitchin', clientName: null, reason } }, { change: 'relocated', patch: { placement: 'partner', partnerId: 'north-herts', town: 'Hitchin Town Centre', clientName: null } }],
    ['places with a client', { name: 'locate', body: { version: 1, partnerId: null, town: 'Luton', clientName: 'Acme Retail', reason } }, { patch: { placement: 'client', partnerId: null, town: 'Luton', clientName: 'Acme Retail' } }],
    ['unplaces', { name: 'locate', body: { version: 1, partnerId: null, town: null, clientName: null, reason } }, { patch: { placement: 'unplaced', partnerId: null, town: null, clientName: null } }],
    ['refuses a partner and a client at once', { name: 'locate', body: { version: 1, partnerId: 'stevenage', town: null, clientName: 'Acme', reason } }, { ok: false, reason: 'partner-and-client' }],
    ['refuses an unknown partner', { name: 'locate', body: { version: 1, partnerId: 'luton', town: null, clientName: null, reason } }, { ok: false, reason: 'unknown-partner' }],
    ["refuses a town outside the partner's area", { name: 'locate', body: { version: 1, partnerId: 'stevenage', town: 'Hitchin', clientName: null, reason } }, { ok: false, reason: 'town-outside-partner' }],
    ['refuses the same place', { name: 'locate', body: { version: 1, partnerId: 'stevenage', town: 'Stevenage Town Centre', clientName: null, reason } }, { ok: false, reason: 'unchanged' }],
    ['notes, keeping the text on the timeline', { name: 'notes', body: { text: 'Suspect left north' } }, { change: 'noted', patch: {}, detail: { text: 'Suspect left north' } }],
    ['records cameras once each', { name: 'cameras', body: { version: 1, cameras: ['SBC-01', 'SBC-02', 'SBC-02'] } }, { patch: { cameras: ['SBC-01', 'SBC-02'] } }],
    ['refuses the same cameras', { name: 'cameras', body: { version: 1, cameras: ['SBC-01'] } }, { ok: false, reason: 'unchanged' }],
    ['records the police reference', { name: 'police-reference', body: { version: 1, policeReference: '41/12345/26' } }, { change: 'police-reference-recorded', patch: { policeReference: '41/12345/26' } }],
    ['records monitoring with who, when and why', { name: 'monitoring', body: { version: 1, subject: 'Male, red jacket', reason } }, { change: 'monitoring-recorded', patch: { monitoring: [{ subject: 'Male, red jacket', reason, by: 'op-ann', at: now.toISOString() }] }, reason }],
    ['closes with the outcome', { name: 'close', body: { version: 1, outcome } }, { change: 'closed', patch: { status: 'closed', outcome, closedAt: now } }],
  ])('%s', (_, command, expected) => {
    const status = command.name === 'close' ? 'closed' : record.status;
    expect(applyCommand(record, command, status, 'op-ann', now)).toMatchObject(expected);
  });

  it('re-opens with its reason, clearing the outcome but keeping it on the timeline', () => {
    const closed = { ...record, status: 'closed' as const, outcome, closedAt: now };
    expect(applyCommand(closed, { name: 'reopen', body: { version: 4, reason } }, 'acknowledged', 'op-ann', now)).toEqual({
      ok: true,
      change: 'reopened',
      patch: { status: 'acknowledged', outcome: null, closedAt: null },
      reason,
      detail: { previousOutcome: outcome },
    });
  });

  it('keeps every earlier THRIVE on the timeline by recording the whole assessment each time', () => {
    const thrive = { threat: 'low', harm: 'none', risk: 'low', investigation: 'CCTV', vulnerability: 'none', engagement: 'police en route' };
    expect(applyCommand(record, { name: 'thrive', body: { version: 1, ...thrive } }, record.status, 'op-ann', now)).toMatchObject({ patch: { thrive }, detail: { thrive } });
  });
});
