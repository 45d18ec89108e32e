import { TicketAudience } from '@vigil/contracts';
import { FaultActorRole } from './ticket-access';
import { ticketAudienceOf } from './ticket-audience';

describe('ticketAudienceOf: the ticket view each role is given over REST', () => {
  it.each<[FaultActorRole, TicketAudience]>([
    ['contractor', 'maintenance'],
    ['operator', 'maintenance'],
    ['supervisor', 'maintenance'],
    ['police', 'police'],
    ['partner', 'owner'],
  ])('%s → %s', (role, audience) => {
    expect(ticketAudienceOf({ role, partnerId: role === 'partner' ? 'north-herts' : undefined })).toBe(audience);
  });
});
