import type { NotificationAudience } from '@vigil/contracts';
import type { ReceiverConfig } from '../../domain';
import { audienceOfReceiver } from './audience-of-receiver';

const socket = [{ type: 'socket' as const, sendResolved: true }];

describe('audienceOfReceiver', () => {
  it.each<[string, NotificationAudience, ReceiverConfig]>([
    ['the police control room', 'police', { name: 'police', role: 'police-control-room', channels: socket }],
    ['the control-room supervisor', 'control-room', { name: 'supervisor', role: 'control-room-supervisor', channels: socket }],
    ["a partner's duty officer", 'partner.north-herts', { name: 'north-herts-duty', role: 'partner-duty-officer', partner: 'north-herts', channels: socket }],
    ["another partner's duty officer", 'partner.stevenage', { name: 'stevenage-duty', role: 'partner-duty-officer', partner: 'stevenage', channels: socket }],
    ['the maintenance contractor', 'contractor', { name: 'contractor', role: 'maintenance-contractor', channels: socket }],
    ['a webhook-role receiver with a socket channel', 'control-room', { name: 'cad-bridge', role: 'webhook', channels: [{ type: 'webhook', url: 'https://cad.example/hook', secretRef: 'CAD_SECRET', sendResolved: true }, ...socket] }],
    ['a partner named like the police (the role decides, not the name)', 'partner.hertsmere', { name: 'police', role: 'partner-duty-officer', partner: 'hertsmere', channels: socket }],
  ])('%s → %s', (_who, audience, receiver) => {
    expect(audienceOfReceiver(receiver)).toBe(audience);
  });

  it("refuses a partner's duty officer without a partner rather than push to everyone", () => {
    expect(() => audienceOfReceiver({ role: 'partner-duty-officer' })).toThrow(/names the partner/);
  });
});
