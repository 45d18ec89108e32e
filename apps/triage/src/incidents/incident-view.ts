import { Incident } from '@vigil/contracts';
import { IncidentEntity } from './incident.entity';

/** The contract view of a stored incident: what events carry and REST returns. */
export function toIncidentView(entity: IncidentEntity): Incident {
  return {
    incidentId: entity.id,
    reference: entity.reference,
    category: entity.category,
    subcategory: entity.subcategory,
    partnerId: entity.partnerId,
    town: entity.town,
    callSource: entity.callSource,
    grade: entity.grade,
    status: entity.status,
    summary: entity.summary,
    receivedAt: entity.receivedAt.toISOString(),
    openedAt: entity.openedAt.toISOString(),
    triageReasons: entity.triageReasons,
    version: entity.version,
  };
}
