import { decideVersion, LatestVersions, passesOn, VersionDecision } from './latest-versions';

describe('decideVersion', () => {
  it.each<[number | undefined, number, VersionDecision, boolean]>([
    [undefined, 1, 'first-seen', true],
    [undefined, 4, 'first-seen', true],
    [1, 2, 'newer', true],
    [1, 5, 'newer', true],
    [2, 2, 'repeat', false],
    [3, 2, 'stale', false],
  ])('known %p, incoming %p: %s', (known, incoming, decision, passes) => {
    expect(decideVersion(known, incoming)).toBe(decision);
    expect(passesOn(decision)).toBe(passes);
  });
});

describe('LatestVersions', () => {
  it('passes each version of an aggregate on once and never an older one', () => {
    const latest = new LatestVersions(10);
    expect(['a', 'a', 'a', 'a'].map((id, i) => latest.offer(id, [1, 1, 3, 2][i]))).toEqual(['first-seen', 'repeat', 'newer', 'stale']);
  });

  it('forgets the least recently changed aggregate beyond its capacity, not the one just changed', () => {
    const latest = new LatestVersions(2);
    latest.offer('a', 1);
    latest.offer('b', 1);
    latest.offer('a', 2);
    latest.offer('c', 1);
    expect([latest.offer('a', 2), latest.offer('c', 1), latest.offer('b', 1)]).toEqual(['repeat', 'repeat', 'first-seen']);
  });
});
