import { SourceState } from '@vigil/contracts';
import { aSourceChange, at } from '../../testing/notify-fixtures';
import type { Alert } from './alert';
import { alertFromSupervisionEvent } from './supervision-alert';

const late = alertFromSupervisionEvent(null, aSourceChange({ state: 'late', changedAt: at(-60).toISOString() }));
const held = late.action === 'apply' ? late.alert : (null as never);
const resolved: Alert = { ...held, status: 'resolved', handling: 'done' };

describe('alertFromSupervisionEvent', () => {
  it.each<[string, Alert | null, SourceState, { notable: boolean; reason: string; status: string }]>([
    ['a source late', null, 'late', { notable: true, reason: 'source-late', status: 'firing' }],
    ['late, then down', held, 'down', { notable: true, reason: 'source-down', status: 'firing' }],
    ['a key mismatch', null, 'key-mismatch', { notable: true, reason: 'source-key-mismatch', status: 'firing' }],
    ['heard again after late', held, 'up', { notable: true, reason: 'source-up', status: 'resolved' }],
    ['up, never seen down', null, 'up', { notable: false, reason: 'still-up', status: 'resolved' }],
    ['up again when already resolved', resolved, 'up', { notable: false, reason: 'still-up', status: 'resolved' }],
  ])('%s', (_case, previous, state, expected) => {
    expect(alertFromSupervisionEvent(previous, aSourceChange({ state }))).toMatchObject({ action: 'apply', notable: expected.notable, reason: expected.reason, alert: { status: expected.status } });
  });

  it('orders transitions by their time, and keeps when the trouble began', () => {
    expect(alertFromSupervisionEvent(held, aSourceChange({ state: 'up', changedAt: at(-120).toISOString() }))).toEqual({ action: 'ignore', reason: 'stale-version' });
    expect(alertFromSupervisionEvent(held, aSourceChange({ state: 'down' }))).toMatchObject({ alert: { startsAt: at(-60), fingerprint: 'supervision:townlink:tl-hitchin', labels: { kind: 'supervision', partner: 'north-herts', source: 'townlink', state: 'down' } } });
  });
});
