import { CameraStatus } from '@vigil/contracts';
import { cameraStatusChange, cameraStatusOf, CameraStatusFacts, CameraStatusReason, isInPublicView } from './camera-status';

const inService: CameraStatusFacts = { decommissioned: false, unverifiedFaults: 0, inMaintenance: false, withdrawn: false };

describe('cameraStatusOf', () => {
  it.each<[string, Partial<CameraStatusFacts>, CameraStatus, CameraStatusReason]>([
    ['nothing wrong', {}, 'in-service', 'in-service'],
    ['an open fault', { unverifiedFaults: 1 }, 'faulty', 'fault-open'],
    ['a fault inside planned maintenance', { unverifiedFaults: 1, inMaintenance: true }, 'faulty', 'fault-open'],
    ['a withdrawn camera that develops a fault', { unverifiedFaults: 2, withdrawn: true }, 'faulty', 'fault-open'],
    ['planned maintenance', { inMaintenance: true }, 'in-maintenance', 'planned-maintenance'],
    ['maintenance of a withdrawn camera', { inMaintenance: true, withdrawn: true }, 'in-maintenance', 'planned-maintenance'],
    ['withdrawn by the control room', { withdrawn: true }, 'out-of-public-view', 'withdrawn-from-public-view'],
    ['decommissioned, whatever else', { decommissioned: true, unverifiedFaults: 1, inMaintenance: true }, 'decommissioned', 'decommissioned'],
  ])('%s → %s', (_what, facts, status, reason) => {
    expect(cameraStatusOf({ ...inService, ...facts })).toEqual({ status, reason });
  });
});

describe('cameraStatusChange', () => {
  it.each<[string, Partial<CameraStatusFacts>, Partial<CameraStatusFacts>, ReturnType<typeof cameraStatusChange>]>([
    ['a fault opens: out of public view at once', {}, { unverifiedFaults: 1 }, { from: 'in-service', to: 'faulty', reason: 'fault-open' }],
    ['a second fault on a faulty camera changes nothing', { unverifiedFaults: 1 }, { unverifiedFaults: 2 }, null],
    ['fixed but not verified: still faulty (the count holds until verified)', { unverifiedFaults: 1 }, { unverifiedFaults: 1 }, null],
    ['the fix verified: back in service', { unverifiedFaults: 1 }, {}, { from: 'faulty', to: 'in-service', reason: 'in-service' }],
    ['one of two faults verified: still faulty', { unverifiedFaults: 2 }, { unverifiedFaults: 1 }, null],
    ['verified on a withdrawn camera: stays out of public view', { unverifiedFaults: 1, withdrawn: true }, { withdrawn: true }, { from: 'faulty', to: 'out-of-public-view', reason: 'withdrawn-from-public-view' }],
    ['verified during maintenance: in maintenance', { unverifiedFaults: 1, inMaintenance: true }, { inMaintenance: true }, { from: 'faulty', to: 'in-maintenance', reason: 'planned-maintenance' }],
    ['maintenance ends', { inMaintenance: true }, {}, { from: 'in-maintenance', to: 'in-service', reason: 'in-service' }],
  ])('%s', (_what, before, after, expected) => {
    expect(cameraStatusChange({ ...inService, ...before }, { ...inService, ...after })).toEqual(expected);
  });
});

describe('isInPublicView', () => {
  it.each<[CameraStatus, boolean]>([
    ['in-service', true],
    ['faulty', false],
    ['out-of-public-view', false],
    ['in-maintenance', false],
    ['decommissioned', false],
  ])('%s: %s', (status, expected) => {
    expect(isInPublicView(status)).toBe(expected);
  });
});
