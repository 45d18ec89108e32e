import { RegisterCamera } from '@vigil/contracts';
import { cameraPatch, newCamera } from './camera-fields';

const input: RegisterCamera = {
  cameraId: 'NH-014',
  number: '14',
  location: 'Market Place',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: 'hitchin-market',
  networkSegment: null,
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
};
const camera = newCamera(input, new Date('2026-11-23T00:00:00Z'));

describe('cameraPatch', () => {
  it.each<[string, Partial<RegisterCamera>, Record<string, unknown>]>([
    ['the same entry changes nothing', input, {}],
    ['a moved camera', { ...input, lat: 51.95, lon: -0.281 }, { lat: 51.95, lon: -0.281 }],
    ['a new owner', { ...input, partnerId: null, clientName: 'Broxbourne' }, { partnerId: null, clientName: 'Broxbourne' }],
    ['a network segment learnt later', { networkSegment: 'hitchin-ring' }, { networkSegment: 'hitchin-ring' }],
    ['fields not given stay', { location: 'Bancroft' }, { location: 'Bancroft' }],
  ])('%s', (_what, change, expected) => {
    expect(cameraPatch(camera, change)).toEqual(expected);
  });
});

describe('newCamera', () => {
  it('starts in service, in public view, at version 1', () => {
    expect(camera).toMatchObject({ status: 'in-service', withdrawn: false, decommissioned: false, version: 1 });
  });
});
