import { anAlert } from '../../testing/notify-fixtures';
import { PARTNERSHIP_ROUTING } from '../../testing/routing-fixtures';
import type { Alert } from '../alerts/alert';
import { parseRoutingConfig } from './parse-routing-config';
import { routeAlert } from './route-alert';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const { tree } = parsed;

const fault = (labels: Partial<Alert['labels']>) => anAlert({ labels: { kind: 'fault', grade: undefined, ...labels } });

describe('routeAlert', () => {
  it.each<[string, Alert, string[]]>([
    ['a theft in North Herts: its duty officer', anAlert(), ['north-herts-incidents']],
    ['a burglary needing police in North Herts: police, then on to the duty officer', anAlert({ labels: { grade: '2', police: 'needed' } }), ['police-incidents', 'north-herts-incidents']],
    ['a police matter in another partner: police, then the root catches nothing more', anAlert({ labels: { partner: 'stevenage', police: 'needed' } }), ['police-incidents']],
    ['a theft in another partner: the supervisor (root)', anAlert({ labels: { partner: 'stevenage' } }), ['everything']],
    ['a standard fault: the contractor', fault({ severity: 'standard' }), ['faults']],
    ['an emergency fault: the emergency rule under faults', fault({ severity: 'emergency' }), ['emergency-faults']],
    ['a source down: the supervision rule', anAlert({ labels: { kind: 'supervision', state: 'down', source: 'townlink' } }), ['supervision']],
    ['a source merely late: the root', anAlert({ labels: { kind: 'supervision', state: 'late', source: 'townlink' } }), ['everything']],
  ])('%s', (_case, alert, rules) => {
    expect(routeAlert(alert, tree).map((route) => route.rule)).toEqual(rules);
  });

  it('fills in what a rule inherits from its parents and the defaults', () => {
    const [emergency] = routeAlert(fault({ severity: 'emergency' }), tree);
    expect(emergency).toMatchObject({
      path: ['everything', 'faults', 'emergency-faults'],
      receiver: { name: 'contractor' },
      groupBy: ['partner', 'site'],
      groupWaitMs: 0,
      groupIntervalMs: 300_000,
      repeatIntervalMs: 3_600_000,
      escalation: null,
    });
    const [police] = routeAlert(anAlert({ labels: { police: 'needed' } }), tree);
    expect(police).toMatchObject({ groupBy: ['...'], groupWaitMs: 10_000, escalation: { name: 'police-then-supervisor', steps: [{ after: 300_000, notify: ['supervisor'] }, { after: 600_000, notify: ['supervisor', 'duty-manager'] }] } });
  });

  it.each<[string, object, boolean]>([
    ['equals', { label: 'town', equals: 'Hitchin Town Centre' }, true],
    ['equals another value', { label: 'town', equals: 'Royston' }, false],
    ['not-equals', { label: 'category', notEquals: 'Fly Tipping' }, true],
    ['a regex on the whole value', { label: 'town', matches: 'Hitchin.*' }, true],
    ['a regex that only matches part of the value', { label: 'town', matches: 'Town' }, false],
    ['in a list', { label: 'grade', in: ['1', '2', '3'] }, true],
    ['not in a list', { label: 'grade', in: ['1', '2'] }, false],
    ['an absent label equals the empty string', { label: 'site', equals: '' }, true],
  ])('a rule matcher on %s', (_case, matcher, matches) => {
    const config = { ...PARTNERSHIP_ROUTING, rules: [{ name: 'everything', receiver: 'supervisor', routes: ['one'] }, { name: 'one', matchers: [matcher], receiver: 'police' }] };
    const result = parseRoutingConfig(config);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(routeAlert(anAlert(), result.tree)[0].rule).toBe(matches ? 'one' : 'everything');
  });
});
