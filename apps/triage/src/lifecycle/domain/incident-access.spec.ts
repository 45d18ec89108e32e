import { AccessDecision, decideAccess, IncidentActor, IncidentOwnership } from './incident-access';
import { LIFECYCLE_COMMAND_NAMES, LifecycleCommandName } from './lifecycle-command';

const operator: IncidentActor = { role: 'operator' };
const supervisor: IncidentActor = { role: 'supervisor' };
const police: IncidentActor = { role: 'police' };
const stevenage: IncidentActor = { role: 'partner', partnerId: 'stevenage' };
const contractor: IncidentActor = { role: 'contractor' };

const stevenageIncident: IncidentOwnership = { partnerId: 'stevenage', placement: 'partner' };
const hertsmereIncident: IncidentOwnership = { partnerId: 'hertsmere', placement: 'partner' };
const clientIncident: IncidentOwnership = { partnerId: null, placement: 'client' };
const unplacedIncident: IncidentOwnership = { partnerId: null, placement: 'unplaced' };

describe('decideAccess', () => {
  it.each<[string, IncidentActor, IncidentOwnership, LifecycleCommandName, AccessDecision]>([
    ['operator closes', operator, clientIncident, 'close', 'allowed'],
    ['operator merges', operator, unplacedIncident, 'merge', 'allowed'],
    ['the supervisor closes what an operator may', supervisor, stevenageIncident, 'close', 'allowed'],
    ['the supervisor sees an unplaced one', supervisor, unplacedIncident, 'acknowledge', 'allowed'],
    ['police add a note', police, hertsmereIncident, 'notes', 'allowed'],
    ['police record their reference', police, clientIncident, 'police-reference', 'allowed'],
    ['police may not acknowledge', police, stevenageIncident, 'acknowledge', 'role-may-not'],
    ['police may not close', police, stevenageIncident, 'close', 'role-may-not'],
    ['police may not record monitoring', police, stevenageIncident, 'monitoring', 'role-may-not'],
    ['a partner notes its own incident', stevenage, stevenageIncident, 'notes', 'allowed'],
    ['a partner may not close its own', stevenage, stevenageIncident, 'close', 'role-may-not'],
    ['a partner may not give a police reference', stevenage, stevenageIncident, 'police-reference', 'role-may-not'],
    ["a partner does not see another partner's", stevenage, hertsmereIncident, 'notes', 'not-visible'],
    ["a partner does not see a client's", stevenage, clientIncident, 'notes', 'not-visible'],
    ['a partner does not see an unplaced one', stevenage, unplacedIncident, 'notes', 'not-visible'],
    ['a partner claim on a client incident carrying its id is still no', stevenage, { partnerId: 'stevenage', placement: 'client' }, 'notes', 'not-visible'],
    ['the contractor sees none', contractor, stevenageIncident, 'notes', 'not-visible'],
    ['the contractor sees no unplaced one', contractor, unplacedIncident, 'acknowledge', 'not-visible'],
  ])('%s', (_, actor, incident, command, expected) => {
    expect(decideAccess(actor, incident, command)).toBe(expected);
  });

  it.each(LIFECYCLE_COMMAND_NAMES)('an operator may %s any incident', (command) => {
    for (const incident of [stevenageIncident, clientIncident, unplacedIncident]) expect(decideAccess(operator, incident, command)).toBe('allowed');
  });

  it('a partner without a partner id sees nothing', () => {
    expect(decideAccess({ role: 'partner' }, stevenageIncident, 'notes')).toBe('not-visible');
  });
});
