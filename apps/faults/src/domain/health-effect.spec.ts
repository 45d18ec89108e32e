import { HealthTransition } from './camera-health';
import { decideHealthEffect, HealthEffect } from './health-effect';

describe('decideHealthEffect', () => {
  it.each<[HealthTransition['kind'], boolean, HealthEffect]>([
    ['went-down', false, { action: 'open-ticket', reason: 'camera-went-down' }],
    ['went-down', true, { action: 'note-on-open-ticket', reason: 'already-has-open-ticket' }],
    ['started-flapping', false, { action: 'open-ticket', reason: 'camera-started-flapping' }],
    ['started-flapping', true, { action: 'note-on-open-ticket', reason: 'started-flapping' }],
    ['came-up', true, { action: 'note-on-open-ticket', reason: 'recovered' }],
    ['came-up', false, { action: 'none', reason: 'no-open-ticket' }],
    ['stopped-flapping', true, { action: 'note-on-open-ticket', reason: 'stopped-flapping' }],
    ['stopped-flapping', false, { action: 'none', reason: 'no-open-ticket' }],
  ])('%s, open ticket %s → %o', (transition, open, expected) => {
    expect(decideHealthEffect(transition, open)).toEqual(expected);
  });
});
