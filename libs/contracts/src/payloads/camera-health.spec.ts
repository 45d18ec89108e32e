import { parseVmsHealthSubject, SUBJECTS } from '../subjects';
import { CAMERA_HEALTH_SCHEMAS } from './camera-health';

describe('VMS health subjects', () => {
  it.each([
    ['vms.herts-vms-1.camera.NH-014.video-loss', { vmsId: 'herts-vms-1', cameraId: 'NH-014', signal: 'video-loss' }],
    ['vms.v1.camera.C_1.heartbeat', { vmsId: 'v1', cameraId: 'C_1', signal: 'heartbeat' }],
    ['vms.v1.camera.C1.reboot', undefined],
    ['vms.v1.cam.C1.heartbeat', undefined],
    ['vms.v1.camera.heartbeat', undefined],
    ['gw.v1.camera.C1.heartbeat', undefined],
  ])('%s → %j', (subject, expected) => {
    expect(parseVmsHealthSubject(subject)).toEqual(expected);
  });

  it('builds the subject it parses', () => {
    expect(parseVmsHealthSubject(SUBJECTS.vms.cameraHealth('v9', 'SBC-001', 'tamper'))).toEqual({ vmsId: 'v9', cameraId: 'SBC-001', signal: 'tamper' });
  });
});

describe('camera health payloads', () => {
  const base = { vmsId: 'v1', cameraId: 'NH-014', siteId: 'hitchin-market', occurredAt: '2026-11-23T22:41:12Z' };

  it.each<[string, keyof typeof CAMERA_HEALTH_SCHEMAS, unknown, boolean]>([
    ['a heartbeat', 'heartbeat', base, true],
    ['a video loss with its message id', 'video-loss', { ...base, messageId: 'e1' }, true],
    ['a video loss without a message id', 'video-loss', base, false],
    ['a tamper of a known kind', 'tamper', { ...base, messageId: 'e2', tamper: 'obstructed' }, true],
    ['a tamper of an unknown kind', 'tamper', { ...base, messageId: 'e2', tamper: 'painted' }, false],
    ['a recovery from video loss', 'recovered', { ...base, messageId: 'e3', recoveredFrom: 'video-loss' }, true],
    ['a camera id that is not one subject token', 'heartbeat', { ...base, cameraId: 'NH.014' }, false],
    ['a time without an offset', 'heartbeat', { ...base, occurredAt: '2026-11-23T22:41:12' }, false],
  ])('%s: valid %s', (_what, signal, payload, valid) => {
    expect(CAMERA_HEALTH_SCHEMAS[signal].safeParse(payload).success).toBe(valid);
  });
});
