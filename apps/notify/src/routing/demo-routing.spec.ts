import { anAlert } from '../testing/notify-fixtures';
import { parseRoutingConfig, routeAlert } from '../domain';
import { DEMO_ROUTING } from './demo-routing';

describe('the demo routing', () => {
  const parsed = parseRoutingConfig(DEMO_ROUTING);

  it('is accepted whole, as a supervisor PUT would have to be', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it.each<[string, Parameters<typeof anAlert>[0], string[]]>([
    ['a grade 1 in Hitchin: police and North Herts', { labels: { kind: 'incident', partner: 'north-herts', grade: '1', police: 'needed' } }, ['police', 'north-herts-duty']],
    ['a grade 4 in Stevenage: Stevenage alone', { labels: { kind: 'incident', partner: 'stevenage', grade: '4' } }, ['stevenage-duty']],
    ['a camera fault: the contractor', { labels: { kind: 'fault', partner: 'east-herts' } }, ['contractor']],
    ['a silent source: the supervisor', { labels: { kind: 'supervision', state: 'down' } }, ['supervisor']],
  ])('%s', (_case, alert, receivers) => {
    if (!parsed.ok) throw new Error('the demo routing must parse');
    expect(routeAlert(anAlert(alert), parsed.tree).map((route) => route.receiver.name)).toEqual(receivers);
  });
});
