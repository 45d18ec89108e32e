import { readHealthSignal } from './read-health-signal';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const base = { vmsId: 'vms-1', cameraId: 'NH-014', siteId: 'hitchin-market', occurredAt: '2026-12-02T03:00:00.000Z' };
const at = Date.parse(base.occurredAt);

describe('readHealthSignal', () => {
  it.each<[string, string, unknown, unknown]>([
    ['a heartbeat', 'vms.vms-1.camera.NH-014.heartbeat', base, { kind: 'heartbeat', at }],
    ['a video loss', 'vms.vms-1.camera.NH-014.video-loss', { ...base, messageId: 'm1' }, { kind: 'video-loss', at }],
    ['a tamper', 'vms.vms-1.camera.NH-014.tamper', { ...base, messageId: 'm2', tamper: 'obstructed' }, { kind: 'tamper', at }],
    ['a recovery', 'vms.vms-1.camera.NH-014.recovered', { ...base, messageId: 'm3', recoveredFrom: 'tamper' }, { kind: 'recovered', at, from: 'tamper' }],
  ])('takes %s', (_what, subject, payload, input) => {
    expect(readHealthSignal(subject, bytes(payload))).toEqual({ ok: true, signal: { vmsId: 'vms-1', cameraId: 'NH-014', siteId: 'hitchin-market', input } });
  });

  it.each<[string, string, unknown, string]>([
    ['an unknown signal', 'vms.vms-1.camera.NH-014.smoke', base, 'not a camera health subject: vms.vms-1.camera.NH-014.smoke'],
    ['bytes that are not JSON', 'vms.vms-1.camera.NH-014.heartbeat', '{heartbeat', 'payload is not JSON'],
    ['a video loss without its message id', 'vms.vms-1.camera.NH-014.video-loss', base, 'invalid video-loss: messageId Invalid input: expected string, received undefined'],
    ['a time that is not a time', 'vms.vms-1.camera.NH-014.heartbeat', { ...base, occurredAt: 'yesterday' }, 'invalid heartbeat: occurredAt Invalid ISO datetime'],
    ['another camera in the payload', 'vms.vms-1.camera.NH-015.heartbeat', base, 'payload names vms-1/NH-014, subject vms-1/NH-015'],
    ['another VMS in the payload', 'vms.vms-2.camera.NH-014.heartbeat', base, 'payload names vms-1/NH-014, subject vms-2/NH-014'],
  ])('refuses %s, saying why', (_what, subject, payload, reason) => {
    expect(readHealthSignal(subject, bytes(payload))).toEqual({ ok: false, reason });
  });
});
