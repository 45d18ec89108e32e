import { loadEmbeddedConfig } from './embedded.config';

const contract = { name: 'herts-2026', times: { emergency: { respondMinutes: 120, fixMinutes: 480 }, standard: { respondMinutes: 1440, fixMinutes: 4320 } }, warnAtFraction: 0.75 };

describe('loadEmbeddedConfig: faults', () => {
  // `npm start` runs faults inside the one process: the contract and the VMS's heartbeat settings apply there as they do to faults run alone.
  it('times tickets by VIGIL_SLA_CONTRACT and judges heartbeats by the VIGIL_HEALTH_ settings', () => {
    const config = loadEmbeddedConfig({
      VIGIL_DEMO: 'on',
      VIGIL_SLA_CONTRACT: JSON.stringify(contract),
      VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS: '10000',
      VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS: '5000',
    });
    expect(config.faults).toMatchObject({ slaContract: contract, health: { policy: { heartbeatIntervalMs: 10_000, debounceMs: { 'video-loss': 5_000 } } } });
  });
});
