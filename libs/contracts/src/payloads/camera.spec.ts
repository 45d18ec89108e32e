import { EVENTS } from '../events';
import { registerCameraSchema, updateCameraSchema } from './camera';

const camera = {
  cameraId: 'NH-014',
  number: '14',
  location: 'Market Place',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: 'hitchin-market',
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
};

describe('camera register contracts', () => {
  it.each([
    ['a partner camera', camera, true],
    ['a client camera', { ...camera, partnerId: null, clientName: 'Broxbourne' }, true],
    ['both owners', { ...camera, clientName: 'Broxbourne' }, false],
    ['no owner', { ...camera, partnerId: null }, false],
    ['an unknown type', { ...camera, type: 'dome' }, false],
  ])('registering %s: valid %s', (_what, body, valid) => {
    expect(registerCameraSchema.safeParse(body).success).toBe(valid);
  });

  it("defaults retention to the code of practice's 28 days", () => {
    expect(registerCameraSchema.parse(camera)).toMatchObject({ retentionDays: 28, networkSegment: null });
  });

  it.each([
    ['a version and one field', { version: 3, location: 'Bancroft' }, true],
    ['no version', { location: 'Bancroft' }, false],
    ['a status faults alone sets', { version: 3, status: 'faulty' }, false],
    ['a move to a client without clearing the partner', { version: 3, clientName: 'Broxbourne' }, true],
    ['both owners at once', { version: 3, partnerId: 'stevenage', clientName: 'Broxbourne' }, false],
  ])('updating with %s: valid %s', (_what, body, valid) => {
    expect(updateCameraSchema.safeParse(body).success).toBe(valid);
  });
});

describe('fault and camera subjects', () => {
  const owner = { partnerId: null as string | null };
  it.each([
    ['stevenage', 'stevenage'],
    [null, 'clients'],
  ])('a ticket of %s travels on fault.%s.opened', (partnerId, token) => {
    expect(EVENTS.ticketOpened.subject({ ...owner, partnerId } as never)).toBe(`fault.${token}.opened`);
    expect(EVENTS.cameraChanged.subject({ partnerId, change: 'registered' } as never)).toBe(`camera.${token}.registered`);
  });
});
