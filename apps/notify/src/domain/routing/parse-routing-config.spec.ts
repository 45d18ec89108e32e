import { PARTNERSHIP_ROUTING } from '../../testing/routing-fixtures';
import type { ConfigError } from './config-error';
import { parseRoutingConfig } from './parse-routing-config';

type Config = typeof PARTNERSHIP_ROUTING;
const base = PARTNERSHIP_ROUTING;
const rules = base.rules;
const withRules = (...changed: object[]): Config => ({ ...base, rules: changed as Config['rules'] });
const rule = (index: number, fields: object) => ({ ...rules[index], ...fields });

describe('parseRoutingConfig', () => {
  it('accepts the partnership routing', () => {
    expect(parseRoutingConfig(base)).toMatchObject({ ok: true });
  });

  it.each<[string, object, ConfigError]>([
    ['an unknown receiver on a rule', withRules(rules[0], rule(1, { receiver: 'fire-service' }), ...rules.slice(2)), { path: 'rules[1].receiver', message: 'unknown receiver "fire-service"' }],
    ['an unknown receiver in an escalation step', { ...base, escalationPolicies: [{ ...base.escalationPolicies[0], steps: [{ after: '5m', notify: ['fire-control'] }] }] }, { path: 'escalationPolicies[0].steps[0].notify[0]', message: 'unknown receiver "fire-control"' }],
    ['an unknown escalation policy', withRules(rules[0], rule(1, { escalation: 'page-everyone' }), ...rules.slice(2)), { path: 'rules[1].escalation', message: 'unknown escalation policy "page-everyone"' }],
    ['an unknown child rule', withRules(rule(0, { routes: ['police-incidents', 'nowhere'] }), rules[1]), { path: 'rules[0].routes[1]', message: 'unknown rule "nowhere"' }],
    ['an unknown root', { ...base, root: 'top' }, { path: 'root', message: 'unknown rule "top"' }],
    ['a bad regex', withRules(rules[0], rule(1, { matchers: [{ label: 'town', matches: 'Hitchin(' }] }), ...rules.slice(2)), { path: 'rules[1].matchers[0].matches', message: expect.stringContaining('not a valid regular expression') }],
    ['a label no alert has', withRules(rules[0], rule(1, { matchers: [{ label: 'colour', equals: 'red' }] }), ...rules.slice(2)), { path: 'rules[1].matchers[0]', message: expect.any(String) }],
    ['a matcher with two operators', withRules(rules[0], rule(1, { matchers: [{ label: 'town', equals: 'Hitchin', in: ['Royston'] }] }), ...rules.slice(2)), { path: 'rules[1].matchers[0]', message: expect.any(String) }],
    ['a cycle', withRules(rule(0, { routes: ['a'] }), { name: 'a', routes: ['b'] }, { name: 'b', routes: ['a'] }), { path: 'rules[2].routes[0]', message: 'cycle: everything → a → b → a' }],
    ['the root under one of its rules', withRules(rule(0, { routes: ['a'] }), { name: 'a', routes: ['everything'] }), { path: 'rules[1].routes[0]', message: 'cycle: everything → a → everything' }],
    ['a rule with two parents', withRules(rule(0, { routes: ['a', 'b'] }), { name: 'a', routes: ['c'] }, { name: 'b', routes: ['c'] }, { name: 'c' }), { path: 'rules[2].routes[0]', message: 'rule "c" already sits under "a": a rule has one parent' }],
    ['a rule nothing reaches', withRules(rule(0, { routes: [] }), rules[1]), { path: 'rules[1]', message: 'rule "police-incidents" is not reachable from the root "everything"' }],
    ['a root without a receiver', withRules({ name: 'everything', routes: [] }), { path: 'rules[0].receiver', message: 'the root rule needs a receiver: every alert must reach someone' }],
    ['a root with matchers', withRules({ name: 'everything', receiver: 'supervisor', matchers: [{ label: 'kind', equals: 'incident' }] }), { path: 'rules[0].matchers', message: 'the root rule matches every alert and takes no matchers' }],
    ['two rules of one name', withRules(rule(0, { routes: ['a'] }), { name: 'a' }, { name: 'a' }), { path: 'rules[2].name', message: '"a" is already used' }],
    ['a bad duration', withRules(rules[0], rule(1, { groupWait: '30 seconds' }), ...rules.slice(2)), { path: 'rules[1].groupWait', message: 'a duration such as 30s, 5m or 4h' }],
    ['a duty officer with no partner', { ...base, receivers: [...base.receivers, { name: 'duty', role: 'partner-duty-officer', channels: [{ type: 'socket' }] }] }, { path: 'receivers[5].partner', message: "a partner's duty officer names the partner" }],
    ['a receiver with no channel', { ...base, receivers: [...base.receivers, { name: 'nobody', role: 'webhook', channels: [] }] }, { path: 'receivers[5].channels', message: expect.any(String) }],
    ['a webhook secret written in the rules', { ...base, receivers: [...base.receivers, { name: 'hook', role: 'webhook', channels: [{ type: 'webhook', url: 'https://x.example', secretRef: 'hunter2' }] }] }, { path: 'receivers[5].channels[0].secretRef', message: 'an environment variable name' }],
    ['a duty officer on a rule open to every partner', withRules(rules[0], rules[1], rule(2, { matchers: [{ label: 'kind', equals: 'incident' }] }), ...rules.slice(3)), { path: 'rules[2].receiver', message: '"north-herts-duty" is north-herts\'s duty officer: the rule must match partner = "north-herts" (a partner hears only its own)' }],
    ['a duty officer inherited by a rule that does not pin the partner', withRules(rule(0, { routes: ['any'] }), { name: 'any', receiver: 'north-herts-duty', matchers: [{ label: 'partner', matches: 'north-.*' }] }), { path: 'rules[1].receiver', message: expect.stringContaining('must match partner = "north-herts"') }],
    ['the contractor on incidents', withRules(rules[0], rules[1], rules[2], rule(3, { matchers: [{ label: 'severity', equals: 'emergency' }], routes: [] }), rules[5]), { path: 'rules[3].receiver', message: '"contractor" is the maintenance contractor: the rule must match kind = "fault" (the contractor hears of faults only)' }],
    ['a duty officer as an escalation step of police incidents', { ...base, escalationPolicies: [{ ...base.escalationPolicies[0], steps: [{ after: '5m', notify: ['north-herts-duty'] }] }] }, { path: 'rules[1].escalation', message: expect.stringContaining('escalation policy "police-then-supervisor": "north-herts-duty"') }],
    ['an unknown field', { ...base, rules: [rule(0, { groupWiat: '10s' }), ...rules.slice(1)] }, { path: 'rules[0]', message: expect.stringContaining('groupWiat') }],
  ])('refuses %s, naming the path', (_case, config, error) => {
    const result = parseRoutingConfig(config);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContainEqual(error);
  });

  it('reports every error at once, not the first only', () => {
    const result = parseRoutingConfig(withRules(rule(0, { routes: ['police-incidents', 'nowhere'] }), rule(1, { receiver: 'fire-service', escalation: 'page-everyone' })));
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['rules[0].routes[1]', 'rules[1].receiver', 'rules[1].escalation']);
  });
});
