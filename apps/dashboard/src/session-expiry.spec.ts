import type { Socket } from 'socket.io';
import { SOCKET_EVENTS } from '@vigil/contracts';
import { endSessionWhenTokenExpires } from './session-expiry';

const DAY_MS = 24 * 3600 * 1000;

/** Records what the server would do to a socket. */
function fakeSocket() {
  const done: string[] = [];
  const onDisconnect: (() => void)[] = [];
  const socket = {
    emit: (event: string, payload: { reason: string }) => done.push(`${event}: ${payload.reason}`),
    disconnect: () => {
      done.push('disconnect');
      onDisconnect.forEach((listener) => listener());
    },
    once: (_event: 'disconnect', listener: () => void) => onDisconnect.push(listener),
  };
  return { socket: socket as unknown as Socket, done, leave: () => onDisconnect.forEach((listener) => listener()) };
}

describe('endSessionWhenTokenExpires', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-01T20:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it.each([
    ['a 2-second token', 2_000],
    ['a 12-hour token', 12 * 3600 * 1000],
    // Longer than a single setTimeout can wait (2^31-1 ms, 24.8 days): must not fire at once.
    ['a 30-day token', 30 * DAY_MS],
    ['a 10-year token', 3650 * DAY_MS],
  ])('keeps %s connected until it expires, then says why and disconnects', (_, ttlMs) => {
    const { socket, done } = fakeSocket();
    endSessionWhenTokenExpires(socket, new Date(Date.now() + ttlMs));
    jest.advanceTimersByTime(ttlMs - 1);
    expect(done).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(done).toEqual([`${SOCKET_EVENTS.sessionExpired}: token expired`, 'disconnect']);
  });

  it('ends a session whose token expired before it connected at once', () => {
    const { socket, done } = fakeSocket();
    endSessionWhenTokenExpires(socket, new Date(Date.now() - 1));
    expect(done).toEqual([`${SOCKET_EVENTS.sessionExpired}: token expired`, 'disconnect']);
  });

  it('forgets a socket that left before its token expired', () => {
    const { socket, done, leave } = fakeSocket();
    endSessionWhenTokenExpires(socket, new Date(Date.now() + 60_000));
    leave();
    jest.advanceTimersByTime(60_000);
    expect(done).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
