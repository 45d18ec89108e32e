import { PARTNERS } from '@vigil/contracts';

const partners = PARTNERS.map((partner) => partner.id);

/**
 * The rules `npm start` runs with (demo mode, no routing file): every receiver is a console, so the
 * demo shows notifications arriving in each console's tray. Police hear incidents that need them at
 * once (grade 1 skips even the 10 s wait) and the supervisor two minutes later unless someone
 * acknowledged; each partner's duty officer that partner's incidents; the contractor faults; the
 * supervisor silent sources and everything else.
 */
export const DEMO_ROUTING = {
  receivers: [
    { name: 'police', role: 'police-control-room', channels: [{ type: 'socket' }] },
    { name: 'supervisor', role: 'control-room-supervisor', channels: [{ type: 'socket' }] },
    { name: 'contractor', role: 'maintenance-contractor', channels: [{ type: 'socket' }] },
    ...partners.map((partner) => ({ name: `${partner}-duty`, role: 'partner-duty-officer', partner, channels: [{ type: 'socket' }] })),
  ],
  escalationPolicies: [{ name: 'police-then-supervisor', steps: [{ after: '2m', notify: ['supervisor'] }], progressTimeout: '15m' }],
  defaults: { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
  root: 'everything',
  rules: [
    { name: 'everything', receiver: 'supervisor', routes: ['police-incidents', ...partners.map((partner) => `${partner}-incidents`), 'faults'] },
    { name: 'police-incidents', matchers: [{ label: 'kind', equals: 'incident' }, { label: 'police', equals: 'needed' }], receiver: 'police', continue: true, groupBy: ['...'], groupWait: '10s', escalation: 'police-then-supervisor' },
    ...partners.map((partner) => ({ name: `${partner}-incidents`, matchers: [{ label: 'kind', equals: 'incident' }, { label: 'partner', equals: partner }], receiver: `${partner}-duty`, continue: true, groupBy: ['partner', 'town'] })),
    { name: 'faults', matchers: [{ label: 'kind', equals: 'fault' }], receiver: 'contractor', groupBy: ['partner', 'site'], repeatInterval: '1h' },
  ],
};
