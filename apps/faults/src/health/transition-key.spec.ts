import { isUuid } from '@vigil/db';
import { HealthTransition } from '../domain/camera-health';
import { transitionKey, transitionMoment, uuidFromName } from './transition-key';

describe('transitionMoment', () => {
  it.each<[HealthTransition, { at: number; rank: number }]>([
    [{ kind: 'went-down', problem: 'no-heartbeat', since: 1000 }, { at: 1000, rank: 2 }],
    [{ kind: 'started-flapping', problem: 'video-loss', since: 0, at: 120_000, onsets: 3 }, { at: 120_000, rank: 2 }],
    [{ kind: 'came-up', problem: 'no-heartbeat', at: 5000 }, { at: 5000, rank: 1 }],
    [{ kind: 'stopped-flapping', at: 9000 }, { at: 9000, rank: 1 }],
  ])('%o happened at %o', (transition, expected) => {
    expect(transitionMoment(transition)).toEqual(expected);
  });
});

describe('transition names', () => {
  it('names a transition by camera, kind and its own time', () => {
    expect(transitionKey('NH-014', { kind: 'went-down', problem: 'video-loss', since: 1234 })).toBe('NH-014:went-down:1234');
  });

  it('derives the same uuid from the same name, and another from another', () => {
    const id = uuidFromName('NH-014:went-down:1234');
    expect(isUuid(id)).toBe(true);
    expect(id).toBe(uuidFromName('NH-014:went-down:1234'));
    expect(id).not.toBe(uuidFromName('NH-014:went-down:1235'));
  });
});
