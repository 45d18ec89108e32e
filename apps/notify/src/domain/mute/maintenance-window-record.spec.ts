import type { MaintenanceWindowChanged } from '@vigil/contracts';
import { at, NOW } from '../../testing/notify-fixtures';
import { MaintenanceWindowRecord, recordOfEvent, takeWindowChange, WindowChange, windowEndStep, WindowEndStep, windowInForce } from './maintenance-window-record';

/** Works on one Hitchin camera from ten minutes ago to ten minutes ahead, as faults announces them. */
const planned = (fields: Partial<MaintenanceWindowChanged> = {}): MaintenanceWindowChanged => ({
  windowId: '3c9e7a12-5b4d-4f2e-8a61-0d9c8b7a6e5f',
  scope: 'camera',
  target: 'NH-014',
  startsAt: at(-600).toISOString(),
  endsAt: at(600).toISOString(),
  reason: 'Camera head replaced',
  cancelledAt: null,
  version: 1,
  ...fields,
});
const cancelled = (when: Date) => planned({ cancelledAt: when.toISOString(), version: 2 });
const kept = (fields: Partial<MaintenanceWindowRecord> = {}): MaintenanceWindowRecord => ({ ...recordOfEvent(planned()), ...fields });

describe('takeWindowChange: the record notify keeps of a window', () => {
  it.each<[string, MaintenanceWindowRecord | null, MaintenanceWindowChanged, Partial<WindowChange> & { released?: Date | null }]>([
    ['a window first heard of', null, planned(), { action: 'save', reason: 'planned', released: null }],
    ['a window first heard of after its end', null, planned({ startsAt: at(-7200).toISOString(), endsAt: at(-3600).toISOString() }), { action: 'save', reason: 'over-before-known', released: at(-3600) }],
    ['a window first heard of already cancelled', null, cancelled(at(-60)), { action: 'save', reason: 'over-before-known', released: at(-60) }],
    ['its cancellation', kept(), cancelled(NOW), { action: 'save', reason: 'cancelled', released: null }],
    ['a newer version that is not a cancellation', kept(), planned({ endsAt: at(1200).toISOString(), version: 2 }), { action: 'save', reason: 'changed', released: null }],
    ['a newer version after a release keeps the release', kept({ releasedEndsAt: at(600) }), planned({ endsAt: at(1200).toISOString(), version: 2 }), { action: 'save', reason: 'changed', released: at(600) }],
    ['the same version again (a replay)', kept(), planned(), { action: 'ignore', reason: 'stale-version' }],
    ['an older version after the cancellation', kept({ cancelledAt: NOW, version: 2 }), planned(), { action: 'ignore', reason: 'stale-version' }],
  ])('%s', (_case, previous, event, expected) => {
    const change = takeWindowChange(previous, event, NOW);
    const { released, ...rest } = expected;
    expect(change).toMatchObject(rest);
    if (change.action === 'save') expect(change.record).toEqual({ ...recordOfEvent(event), releasedEndsAt: released });
  });
});

describe('windowEndStep: what a window held goes out once, at its end or cancellation', () => {
  it.each<[string, MaintenanceWindowRecord, WindowEndStep]>([
    ['under way', kept(), { action: 'wait', reason: 'not-over', at: at(600) }],
    ['not started', kept({ startsAt: at(60), endsAt: at(600) }), { action: 'wait', reason: 'not-over', at: at(600) }],
    ['at its end', kept({ endsAt: NOW }), { action: 'release', reason: 'window-over' }],
    ['cancelled while under way', kept({ cancelledAt: NOW }), { action: 'release', reason: 'cancelled' }],
    ['cancelled after its end', kept({ endsAt: at(-60), cancelledAt: NOW }), { action: 'release', reason: 'window-over' }],
    ['cancelled before it started', kept({ startsAt: at(60), cancelledAt: NOW }), { action: 'mark-released', reason: 'cancelled-before-start' }],
    ['released already (a second run, another replica)', kept({ cancelledAt: at(-5), releasedEndsAt: at(-5) }), { action: 'skip', reason: 'released' }],
    ['released at its end, then made longer', kept({ endsAt: at(600), releasedEndsAt: at(-60) }), { action: 'wait', reason: 'not-over', at: at(600) }],
  ])('%s', (_case, record, step) => {
    expect(windowEndStep(record, NOW)).toEqual(step);
  });
});

describe('windowInForce', () => {
  it('mutes until the cancellation when that comes before the end', () => {
    expect(windowInForce(kept({ cancelledAt: at(-5) }))).toEqual({ id: kept().windowId, matchers: [{ label: 'camera', equals: 'NH-014' }], startsAt: at(-600), endsAt: at(-5), reason: 'Camera head replaced' });
    expect(windowInForce(kept({ cancelledAt: at(900) })).endsAt).toEqual(at(600));
  });
});
