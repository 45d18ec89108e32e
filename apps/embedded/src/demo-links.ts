import { signToken } from '@vigil/auth';
import { PARTNERS } from '@vigil/contracts';

const DEMO_TOKEN_HOURS = 12;

/** Sign-in links for the demo: a control-room operator (who works incidents) first, then the supervisor, police, the maintenance contractor, then one per partner. */
export function demoLinks(publicUrl: string, secret: string): { label: string; url: string }[] {
  const link = (token: string) => `${publicUrl}?token=${token}`;
  const ttl = DEMO_TOKEN_HOURS * 3600;
  return [
    { label: 'Control-room operator (works every incident)', url: link(signToken({ subject: 'demo-operator', role: 'operator' }, secret, ttl)) },
    { label: 'Control-room supervisor (works incidents, edits the routing rules)', url: link(signToken({ subject: 'demo-supervisor', role: 'supervisor' }, secret, ttl)) },
    { label: 'Police control room (sees everything)', url: link(signToken({ subject: 'demo-police', role: 'police' }, secret, ttl)) },
    { label: 'Maintenance contractor (camera fault tickets, no incidents)', url: link(signToken({ subject: 'demo-contractor', role: 'contractor' }, secret, ttl)) },
    ...PARTNERS.map((p) => ({
      label: `${p.name} (own area only)`,
      url: link(signToken({ subject: `demo-${p.id}`, role: 'partner', partnerId: p.id }, secret, ttl)),
    })),
  ];
}
