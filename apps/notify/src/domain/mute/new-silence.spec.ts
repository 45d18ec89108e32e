import { at, NOW } from '../../testing/notify-fixtures';
import type { ConfigError } from '../routing/config-error';
import { acceptNewSilence } from './new-silence';

const ids = { id: 'sil-1', createdBy: 'op-ann' };
const sent = { matchers: [{ label: 'kind', equals: 'fault' }], endsAt: at(7200).toISOString(), comment: 'Contractor resetting switches in Hitchin' };

describe('acceptNewSilence', () => {
  it.each<[string, object, { startsAt: Date; endsAt: Date }]>([
    ['no start: it starts now', {}, { startsAt: NOW, endsAt: at(7200) }],
    ['a start ahead is kept', { startsAt: at(600).toISOString() }, { startsAt: at(600), endsAt: at(7200) }],
    ['a start in the past is now', { startsAt: at(-600).toISOString() }, { startsAt: NOW, endsAt: at(7200) }],
  ])('accepts %s', (_case, fields, times) => {
    expect(acceptNewSilence({ ...sent, ...fields }, ids, NOW)).toEqual({ ok: true, silence: { ...ids, matchers: sent.matchers, comment: sent.comment, ...times } });
  });

  it.each<[string, unknown, ConfigError[]]>([
    ['an unknown label, by name', { ...sent, matchers: [{ label: 'kind', equals: 'fault' }, { label: 'colour', equals: 'red' }] }, [{ path: 'matchers[1].label', message: expect.stringContaining('no such label "colour"') }]],
    ['a matcher of no known shape', { ...sent, matchers: [{ label: 'kind', is: 'fault' }] }, [{ path: 'matchers[0]', message: expect.stringContaining('equals, notEquals') }]],
    ['a regex that does not compile', { ...sent, matchers: [{ label: 'town', matches: '(' }] }, [{ path: 'matchers[0].matches', message: expect.stringContaining('not a valid regular expression') }]],
    ['no matchers: that is an outage', { ...sent, matchers: [] }, [{ path: 'matchers', message: expect.any(String) }]],
    ['an author in the body', { ...sent, createdBy: 'someone-else' }, [{ path: 'createdBy', message: 'not sent: the author is who signs in' }]],
    ['a time without a zone', { ...sent, endsAt: '2026-11-29 01:00' }, [{ path: 'endsAt', message: 'a time such as 2026-11-28T23:00:00Z' }]],
    ['an end already past', { ...sent, endsAt: at(-1).toISOString() }, [{ path: 'endsAt', message: 'already over: a silence ends in the future' }]],
    ['an end before the start', { ...sent, startsAt: at(9000).toISOString() }, [{ path: 'endsAt', message: 'ends after it starts' }]],
    ['no reason given', { ...sent, comment: '  ' }, [{ path: 'comment', message: 'say why: the next shift reads it' }]],
    ['not an object', 'silence everything', [{ path: '', message: expect.any(String) }]],
  ])('refuses %s, at its path', (_case, body, errors) => {
    expect(acceptNewSilence(body, ids, NOW)).toEqual({ ok: false, errors });
  });
});
