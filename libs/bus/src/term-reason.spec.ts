import { termReasonSupported } from './term-reason';

describe('termReasonSupported', () => {
  it.each([
    ['2.9.10', false, 'the version CI and the local service run'],
    ['2.9.25', false, 'last 2.9'],
    ['2.10.0', false, '2.10 before the reason was read'],
    ['2.10.3', false, 'one release short'],
    ['2.10.4', true, 'first release that reads the reason'],
    ['2.10.22', true, 'what deploy/ pins'],
    ['2.11.0', true, 'later minor'],
    ['3.0.0', true, 'later major'],
    ['2.10.4-beta.1', true, 'pre-release suffix ignored'],
    ['v2.10.7', true, 'leading v'],
    [undefined, false, 'no INFO yet'],
    ['garbage', false, 'unparsable'],
  ])('%s → %s (%s)', (version, expected, _why) => {
    expect(termReasonSupported(version)).toBe(expected);
  });
});
