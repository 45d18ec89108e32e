/**
 * A partnership's routing as a control room would write it: police hear every incident that needs
 * them, a partner's duty officer hears that partner's incidents too (continue), faults go to the
 * contractor, supervision to the control-room supervisor, and anything else to the supervisor.
 */
export const PARTNERSHIP_ROUTING = {
  receivers: [
    { name: 'police', role: 'police-control-room', channels: [{ type: 'webhook', url: 'https://police.example/hooks/vigil', secretRef: 'POLICE_WEBHOOK_SECRET' }, { type: 'socket' }] },
    { name: 'north-herts-duty', role: 'partner-duty-officer', partner: 'north-herts', channels: [{ type: 'email', to: ['duty@north-herts.example'] }, { type: 'sms', to: ['+447700900123'] }] },
    { name: 'supervisor', role: 'control-room-supervisor', channels: [{ type: 'socket' }, { type: 'sms', to: ['+447700900456'], sendResolved: false }] },
    { name: 'duty-manager', role: 'control-room-supervisor', channels: [{ type: 'sms', to: ['+447700900789'] }] },
    { name: 'contractor', role: 'maintenance-contractor', channels: [{ type: 'email', to: ['desk@contractor.example'] }] },
  ],
  escalationPolicies: [
    { name: 'police-then-supervisor', steps: [{ after: '5m', notify: ['supervisor'] }, { after: '10m', notify: ['supervisor', 'duty-manager'] }], repeat: 1, progressTimeout: '15m' },
  ],
  defaults: { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
  root: 'everything',
  rules: [
    { name: 'everything', receiver: 'supervisor', routes: ['police-incidents', 'north-herts-incidents', 'faults', 'supervision'] },
    { name: 'police-incidents', matchers: [{ label: 'kind', equals: 'incident' }, { label: 'police', equals: 'needed' }], receiver: 'police', continue: true, groupBy: ['...'], groupWait: '10s', escalation: 'police-then-supervisor' },
    { name: 'north-herts-incidents', matchers: [{ label: 'kind', equals: 'incident' }, { label: 'partner', equals: 'north-herts' }], receiver: 'north-herts-duty', groupBy: ['partner', 'town'] },
    { name: 'faults', matchers: [{ label: 'kind', equals: 'fault' }], receiver: 'contractor', groupBy: ['partner', 'site'], repeatInterval: '1h', routes: ['emergency-faults'] },
    { name: 'emergency-faults', matchers: [{ label: 'severity', equals: 'emergency' }], groupWait: '0s' },
    { name: 'supervision', matchers: [{ label: 'kind', equals: 'supervision' }, { label: 'state', in: ['down', 'key-mismatch'] }] },
  ],
};
