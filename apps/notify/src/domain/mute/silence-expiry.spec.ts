import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import type { Alert } from '../alerts/alert';
import { Release, releaseHeldBack, silenceExpiryStep, SilenceExpiryStep } from './silence-expiry';
import { Silence, silencer } from './silence';

const silence: Silence = { id: 'sil-1', matchers: [{ label: 'kind', equals: 'fault' }], startsAt: at(-3600), endsAt: at(900), createdBy: 'supervisor-jo', comment: 'Contractor resetting switches' };
const FIFTEEN_MINUTES = 900_000;

describe('silenceExpiryStep', () => {
  it.each<[string, Silence, Date, boolean, SilenceExpiryStep]>([
    ['long before the end', silence, at(-600), false, { action: 'wait', reason: 'not-near', wakeAt: NOW }],
    ['at the reminder time', silence, NOW, false, { action: 'remind', reason: 'expiry-near', wakeAt: at(900) }],
    ['already reminded', silence, at(300), true, { action: 'wait', reason: 'reminded', wakeAt: at(900) }],
    ['at the end', silence, at(900), true, { action: 'release', reason: 'silence-expired' }],
    ['at the end, the reminder missed', silence, at(901), false, { action: 'release', reason: 'silence-expired' }],
    ['not yet started', { ...silence, startsAt: at(60), endsAt: at(7200) }, NOW, false, { action: 'wait', reason: 'not-started', wakeAt: at(6300) }],
    ['shorter than the reminder lead, at its start', { ...silence, startsAt: at(0), endsAt: at(300) }, NOW, false, { action: 'remind', reason: 'expiry-near', wakeAt: at(300) }],
  ])('%s', (_case, given, now, reminded, step) => {
    expect(silenceExpiryStep(given, now, FIFTEEN_MINUTES, reminded)).toEqual(step);
  });
});

describe('releaseHeldBack', () => {
  const fault = (fingerprint: string, fields: Partial<Alert> = {}) => anAlert({ fingerprint, ...fields, labels: { kind: 'fault', grade: undefined, partner: 'north-herts' } });
  const otherSilence: Silence = { ...silence, id: 'sil-2', matchers: [{ label: 'partner', equals: 'north-herts' }], endsAt: at(7200) };

  it.each<[string, Alert, Silence[], Release]>([
    ['a fault still firing goes at once', fault('fault:a'), [], { fingerprint: 'fault:a', send: true, reason: 'still-firing' }],
    ['a fault fixed meanwhile is not told', fault('fault:b', { status: 'resolved' }), [], { fingerprint: 'fault:b', send: false, reason: 'resolved-meanwhile' }],
    ['a fault another silence holds waits for that one', fault('fault:c'), [otherSilence], { fingerprint: 'fault:c', send: false, reason: 'still-muted', by: 'sil-2' }],
  ])('%s', (_case, alert, others, release) => {
    expect(releaseHeldBack([alert], [silencer(others)], at(900))).toEqual([release]);
  });
});
