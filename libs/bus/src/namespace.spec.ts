import { BusNamespace } from './namespace';

describe('BusNamespace', () => {
  it.each([
    ['', 'call.airwave.received', 'call.airwave.received', 'CALLS', 'CALLS'],
    ['site-b', 'call.airwave.received', 'site-b.call.airwave.received', 'CALLS', 'SITE_B_CALLS'],
    ['t1234', 'gw.>', 't1234.gw.>', 'DLQ', 'T1234_DLQ'],
  ])('namespace "%s" maps %s → %s and stream %s → %s', (name, subject, wire, stream, wireStream) => {
    const ns = new BusNamespace(name);
    expect(ns.subject(subject)).toBe(wire);
    expect(ns.unprefix(wire)).toBe(subject);
    expect(ns.stream(stream)).toBe(wireStream);
  });

  it.each(['Upper', 'has.dot', '1starts-with-digit', 'sp ace'])('refuses "%s"', (name) => {
    expect(() => new BusNamespace(name)).toThrow(/must be lower-case/);
  });
});
