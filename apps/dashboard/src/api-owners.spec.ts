import { apiOwnerOf } from './api-owners';

describe('apiOwnerOf', () => {
  it.each([
    ['/api/sources', 'ingest'],
    ['/api/dead-letters?limit=100', 'ingest'],
    ['/api/alarm-accounts/1234', 'ingest'],
    ['/api/calls', 'ingest'],
    ['/api/incidents', 'triage'],
    ['/api/incidents/42/timeline', 'triage'],
    ['/api/incidents/5f0c5d6e-8a7c-4f5e-9a53-0e0b4b8f3c11/acknowledge', 'triage'],
    ['/api/incidents/5f0c5d6e-8a7c-4f5e-9a53-0e0b4b8f3c11/police-reference', 'triage'],
    ['/api/incidents/5f0c5d6e-8a7c-4f5e-9a53-0e0b4b8f3c11/calls', 'triage'],
    ['/api/incidents?board=open&grade=1', 'triage'],
    ['/api/incidents?partner=stevenage', 'triage'],
    ['/api/faults', 'faults'],
    ['/api/tickets?board=open', 'faults'],
    ['/api/tickets/5f0c5d6e-8a7c-4f5e-9a53-0e0b4b8f3c11/fixed', 'faults'],
    ['/api/cameras/NH-014', 'faults'],
    ['/api/sites', 'faults'],
    ['/api/maintenance-windows', 'faults'],
    ['/api/notify/routing', 'notify'],
    ['/api/notify/routing/history', 'notify'],
    ['/api/notifyX', undefined],
    ['/api/sourcesX', undefined],
    ['/api/gateways/airwave/gw-1/sds', undefined],
    ['/api/docs', undefined],
    ['/socket.io/?EIO=4', undefined],
    ['/app.js', undefined],
    ['/', undefined],
  ])('%s → %s', (path, owner) => {
    expect(apiOwnerOf(path)).toBe(owner);
  });
});
