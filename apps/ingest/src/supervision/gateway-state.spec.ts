import { gatewayState } from './gateway-state';

const now = new Date('2026-11-23T03:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('gatewayState (heartbeat every 30 s)', () => {
  it.each([
    [ago(0), 'up', 'heard-in-time'],
    [ago(60), 'up', 'heard-in-time'],
    [ago(61), 'late', 'silent-over-2-intervals'],
    [ago(150), 'late', 'silent-over-2-intervals'],
    [ago(151), 'down', 'silent-over-5-intervals'],
    [null, 'down', 'never-heard'],
  ])('last heard %s → %s (%s)', (lastSeen, state, reason) => {
    expect(gatewayState(lastSeen, 30, now)).toEqual({ state, reason });
  });
});
