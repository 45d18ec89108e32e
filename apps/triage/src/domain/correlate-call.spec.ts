import { CallReceived } from '@vigil/contracts';
import { buildLocationRegisters } from '../registers/location-registers';
import { DEMO_REGISTERS } from '../registers/demo-registers';
import { CorrelatingCall, correlateCall, NearbyIncident } from './correlate-call';
import { DEFAULT_CORRELATION_POLICY } from './correlation-policy';
import { kindsCompatible } from './kind-compatibility';
import { DEFAULT_GRADE_POLICY } from './grade-policy';
import { triageCall } from './triage-call';

const NOW = new Date('2026-11-23T23:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const policy = DEFAULT_CORRELATION_POLICY;
const BOOTS = { lat: 51.9489, lon: -0.2806 };
const FIFTY_METRES_NORTH = { lat: 51.9489 + 50 / 111_195, lon: -0.2806 };
const QUARTER_MILE_NORTH = { lat: 51.9489 + 400 / 111_195, lon: -0.2806 };

function incident(fields: Partial<NearbyIncident> & Pick<NearbyIncident, 'incidentId'>): NearbyIncident {
  return { category: 'Theft', grade: 3, lastCallAt: minutesAgo(5), placeKeys: [], points: [], ...fields };
}
function call(fields: Partial<CorrelatingCall>): CorrelatingCall {
  return { category: 'Theft', grade: 3, placeKeys: [], point: null, ...fields };
}

const bootsAlarm = incident({ incidentId: 'boots-alarm', category: 'Alarm Activation', grade: 2, placeKeys: ['premises:boots-hitchin', 'alarm-site:7001'], points: [BOOTS] });
const redLionFight = incident({ incidentId: 'red-lion-fight', category: 'Assault', grade: 2, placeKeys: ['named-place:potters bar:red lion'] });
const cameraCrash = incident({ incidentId: 'camera-crash', category: 'Traffic Incident', grade: 2, placeKeys: ['camera:NH-014'] });
const staleBoots = incident({ incidentId: 'stale-boots', category: 'Theft', lastCallAt: minutesAgo(31), placeKeys: ['premises:boots-hitchin'] });

describe('correlateCall', () => {
  it.each<[string, NearbyIncident[], CorrelatingCall, ReturnType<typeof correlateCall>]>([
    ['a call with no place but its town opens', [bootsAlarm], call({ placeKeys: [] }), { action: 'open', reason: 'no-place-to-match' }],
    ['nothing open at the place opens', [], call({ placeKeys: ['premises:boots-hitchin'] }), { action: 'open', reason: 'nothing-open-here' }],
    ['the same premises joins', [bootsAlarm], call({ placeKeys: ['premises:boots-hitchin'] }), { action: 'join', incidentId: 'boots-alarm', reason: 'same-premises', raisesGradeTo: null }],
    ['the same alarm site joins', [bootsAlarm], call({ category: 'Alarm Activation', grade: 2, placeKeys: ['alarm-site:7001'] }), { action: 'join', incidentId: 'boots-alarm', reason: 'same-alarm-site', raisesGradeTo: null }],
    ['the same pub in the same town joins', [redLionFight], call({ category: 'Anti Social Behaviour', placeKeys: ['named-place:potters bar:red lion'] }), { action: 'join', incidentId: 'red-lion-fight', reason: 'same-named-place', raisesGradeTo: null }],
    ['a pub of that name in another town opens', [redLionFight], call({ category: 'Assault', placeKeys: ['named-place:royston:red lion'] }), { action: 'open', reason: 'nothing-open-here' }],
    ['the same camera and kind joins', [cameraCrash], call({ category: 'Vehicle', placeKeys: ['camera:NH-014'] }), { action: 'join', incidentId: 'camera-crash', reason: 'same-camera', raisesGradeTo: null }],
    ['the same camera, another kind, opens', [cameraCrash], call({ category: 'Assault', placeKeys: ['camera:NH-014'] }), { action: 'open', reason: 'other-kind:Traffic Incident' }],
    ['a radio point 50 m away joins', [bootsAlarm], call({ point: FIFTY_METRES_NORTH }), { action: 'join', incidentId: 'boots-alarm', reason: 'same-spot', raisesGradeTo: null }],
    ['a radio point 400 m away opens', [bootsAlarm], call({ point: QUARTER_MILE_NORTH }), { action: 'open', reason: 'nothing-open-here' }],
    ['past the window opens', [staleBoots], call({ placeKeys: ['premises:boots-hitchin'] }), { action: 'open', reason: 'window-passed' }],
    ['a fire at a site whose intruder alarm is open opens', [bootsAlarm], call({ category: 'Arson/Fire', grade: 2, placeKeys: ['alarm-site:7001'] }), { action: 'open', reason: 'other-kind:Alarm Activation' }],
    ['an emergency joins at once and raises the grade', [bootsAlarm], call({ category: 'Police Request', grade: 1, point: FIFTY_METRES_NORTH }), { action: 'join', incidentId: 'boots-alarm', reason: 'same-spot', raisesGradeTo: 1 }],
    ['an emergency with nothing open opens at once', [], call({ category: 'Police Request', grade: 1, placeKeys: ['radio-member:PL-042'] }), { action: 'open', reason: 'nothing-open-here' }],
    ['an emergency with no place opens at once', [bootsAlarm], call({ category: 'Police Request', grade: 1 }), { action: 'open', reason: 'no-place-to-match' }],
    ['the strongest evidence wins over the latest', [incident({ incidentId: 'spot', lastCallAt: minutesAgo(1), points: [BOOTS] }), incident({ incidentId: 'premises', lastCallAt: minutesAgo(9), placeKeys: ['premises:boots-hitchin'] })], call({ placeKeys: ['premises:boots-hitchin'], point: BOOTS }), { action: 'join', incidentId: 'premises', reason: 'same-premises', raisesGradeTo: null }],
    ['between equals, the latest wins', [incident({ incidentId: 'older', lastCallAt: minutesAgo(9), placeKeys: ['camera:NH-014'] }), incident({ incidentId: 'newer', lastCallAt: minutesAgo(2), placeKeys: ['camera:NH-014'] })], call({ placeKeys: ['camera:NH-014'] }), { action: 'join', incidentId: 'newer', reason: 'same-camera', raisesGradeTo: null }],
    ['a less urgent call leaves the grade', [incident({ incidentId: 'urgent', grade: 1, placeKeys: ['camera:NH-014'] })], call({ grade: 3, placeKeys: ['camera:NH-014'] }), { action: 'join', incidentId: 'urgent', reason: 'same-camera', raisesGradeTo: null }],
  ])('%s', (_case, nearby, given, decision) => {
    expect(correlateCall(nearby, given, NOW, policy)).toEqual(decision);
  });

  it('uses the window and distance it is given', () => {
    const wide = { windowMinutes: 60, distanceMetres: 500 };
    expect(correlateCall([staleBoots], call({ placeKeys: ['premises:boots-hitchin'] }), NOW, wide)).toMatchObject({ action: 'join' });
    expect(correlateCall([bootsAlarm], call({ point: QUARTER_MILE_NORTH }), NOW, wide)).toMatchObject({ action: 'join', reason: 'same-spot' });
  });
});

describe('kindsCompatible', () => {
  it.each([
    ['Alarm Activation', 'Theft', true],
    ['Alarm Activation', 'Assault', true],
    ['Theft', 'Alarm Activation', true],
    ['Assault', 'Concern for Welfare', true],
    ['Assault', 'Traffic Incident', false],
    ['Alarm Activation', 'Arson/Fire', false],
    ['Arson/Fire', 'Emergency Incident', true],
    ['Other', 'Arson/Fire', true],
    ['Police Request', 'Theft', true],
    ['Fly Tipping', 'Assault', false],
  ])('%s with %s: %s', (a, b, compatible) => {
    expect(kindsCompatible(a, b)).toBe(compatible);
    expect(kindsCompatible(b, a)).toBe(compatible);
  });
});

// Three sources about one shop, through triage as the use case runs it: each call's place keys meet.
describe('three sources about one shop', () => {
  const registers = buildLocationRegisters(DEMO_REGISTERS);
  const reference = { registers, grading: DEFAULT_GRADE_POLICY };
  const base = { sourceMessageId: 'm', receivedAt: NOW.toISOString(), occurredAt: NOW.toISOString(), urgency: 'routine' as const, raw: {} };
  const calls: CallReceived[] = [
    { ...base, callKey: 'alarm:1', source: 'Alarm', summary: 'Burglary zone 3 (shop floor): Boots, 12 High Street, Hitchin', location: { alarmAccount: '7001', partnerId: 'north-herts', town: 'Hitchin Town Centre' }, alarm: { account: '7001', protocol: 'SIA-DCS', code: 'BA', qualifier: 'new', kind: 'intruder', zone: '3', site: 'Boots', address: '12 High Street, Hitchin' } },
    { ...base, callKey: 'townlink:1', source: 'Town Link', summary: 'Town Link Boots (member TL-118): two males running out with stock', location: { town: 'Hitchin', radioMember: 'TL-118' } },
    { ...base, callKey: 'airwave:1', source: 'Police Airwaves', summary: 'Units attending Boots Hitchin, suspects detained', location: { issi: 2260201 } },
  ];

  it('gives every call the premises key, and each later call joins the first', () => {
    const drafts = calls.map((c) => triageCall(c, reference));
    expect(drafts.map((d) => d.placeKeys.includes('premises:boots-hitchin'))).toEqual([true, true, true]);
    const opened = incident({ incidentId: 'boots', category: drafts[0].category, grade: drafts[0].grade, placeKeys: drafts[0].placeKeys, lastCallAt: NOW });
    for (const draft of drafts.slice(1)) expect(correlateCall([opened], draft, NOW, policy)).toMatchObject({ action: 'join', incidentId: 'boots', reason: 'same-premises' });
  });
});
