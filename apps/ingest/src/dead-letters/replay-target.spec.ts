import { replayTarget } from './replay-target';

describe('replayTarget', () => {
  it.each([
    ['nats:gw.airwave.gw-herts-1.sds', 'gw.airwave.gw-herts-1.sds'],
    ['nats:gw.townlink.tl-royston.call', 'gw.townlink.tl-royston.call'],
    ['nats:call.airwave.received', 'call.airwave.received'],
  ])('%s → publish on %s', (origin, subject) => {
    expect(replayTarget(origin)).toEqual({ ok: true, subject });
  });

  it.each([
    ['http:gw.airwave.gw-1.sds', /only messages taken from NATS/],
    ['tcp:10.0.0.9:40122 account 1234', /only messages taken from NATS/],
    ['udp:10.0.0.9:5000', /only messages taken from NATS/],
    ['nats:', /does not name a subject/],
    ['nats:gw.airwave.*.sds', /does not name a subject/],
    ['nats:gw.>', /does not name a subject/],
    ['nats:gw..sds', /does not name a subject/],
    ['nats:gw.air wave', /does not name a subject/],
  ])('%s → refused', (origin, reason) => {
    const target = replayTarget(origin);
    expect(target.ok).toBe(false);
    expect(!target.ok && target.reason).toMatch(reason);
  });
});
