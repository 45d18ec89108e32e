import { namedPath, routingOutline } from './routing-outline';
import type { RoutingConfig } from './notify-types';

const config: RoutingConfig = {
  defaults: { groupWait: '30s' },
  root: 'everything',
  rules: [
    { name: 'everything', receiver: 'supervisor', routes: ['faults', 'police'] },
    { name: 'police', matchers: [{ label: 'police', equals: 'needed' }], receiver: 'police', groupBy: ['...'], groupWait: '10s', escalation: 'police-then-supervisor', continue: true },
    { name: 'faults', matchers: [{ label: 'kind', equals: 'fault' }], receiver: 'contractor', routes: ['emergency-faults', 'faults'] },
    { name: 'emergency-faults', matchers: [{ label: 'severity', equals: 'emergency' }], groupWait: '0s' },
  ],
};

describe('routingOutline', () => {
  const outline = routingOutline(config)!;
  const rule = (...path: number[]) => path.reduce((node, i) => node.children[i], outline);
  it.each([
    ['the root has its own receiver and the default group wait', [], 'everything', { receiver: { value: 'supervisor', inherited: false }, groupWait: { value: '30s', inherited: true } }],
    ['a child in the order the parent names it', [0], 'faults', { receiver: { value: 'contractor', inherited: false }, groupWait: { value: '30s', inherited: true } }],
    ['a grandchild inherits the receiver, keeps its own wait', [0, 0], 'emergency-faults', { receiver: { value: 'contractor', inherited: true }, groupWait: { value: '0s', inherited: false } }],
    ['escalation and continue are shown', [1], 'police', { escalation: { value: 'police-then-supervisor', inherited: false }, continue: true }],
    ['one group per alert reads so', [1], 'police', { groupBy: { value: 'each alert alone', inherited: false } }],
  ])('%s', (_case, path, name, settings) => expect(rule(...path)).toMatchObject({ name, ...settings }));

  it('a rule naming itself again is left out, not followed for ever', () => expect(rule(0).children.map((c) => c.name)).toEqual(['emergency-faults']));
  it('no root, no tree', () => expect(routingOutline({ rules: [] })).toBeNull());
});

describe('namedPath', () => {
  it.each([
    ['rules[2].receiver', 'rules[2].receiver (rule faults)'],
    ['receivers[0].channels[1].url', 'receivers[0].channels[1].url'],
    ['rules[9].receiver', 'rules[9].receiver'],
    ['', '(top)'],
  ])('%s → %s', (path, named) => expect(namedPath(path, config)).toBe(named));
});
