import { routeGatewaySubject } from './gateway-route';

describe('routeGatewaySubject', () => {
  it.each([
    ['gw.airwave.gw-herts-2.sds', 'airwave', 'gw-herts-2', 'sds'],
    ['gw.airwave.gw-herts-2.heartbeat', 'airwave', 'gw-herts-2', 'heartbeat'],
    ['gw.townlink.tl-hitchin.member-call', 'townlink', 'tl-hitchin', 'member-call'],
    ['gw.townlink.tl-hitchin.radio-state', 'townlink', 'tl-hitchin', 'radio-state'],
  ])('routes %s to %s from %s as %s', (subject, family, gatewayId, kind) => {
    expect(routeGatewaySubject(subject)).toEqual({ ok: true, family, gatewayId, kind });
  });

  it.each([
    ['gw.other.gw1.sds', 'unknown gateway family "other" on "gw.other.gw1.sds" (expected airwave or townlink)'],
    ['gw.airwave.gw1.weird', 'unknown airwave message kind "weird" on "gw.airwave.gw1.weird" (expected sds, status, call, heartbeat)'],
    ['gw.townlink.tl1.sds', 'unknown townlink message kind "sds" on "gw.townlink.tl1.sds" (expected member-call, panic, radio-state, heartbeat)'],
    ['gw.airwave.gw1', 'not a gateway subject: "gw.airwave.gw1" (expected gw.<family>.<gatewayId>.<kind>)'],
    ['gw.airwave.gw1.sds.extra', 'not a gateway subject: "gw.airwave.gw1.sds.extra" (expected gw.<family>.<gatewayId>.<kind>)'],
    ['gw.x', 'not a gateway subject: "gw.x" (expected gw.<family>.<gatewayId>.<kind>)'],
  ])('refuses %s', (subject, reason) => {
    expect(routeGatewaySubject(subject)).toEqual({ ok: false, reason });
  });
});
