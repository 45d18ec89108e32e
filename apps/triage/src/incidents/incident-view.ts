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
    placement: entity.placement,
    clientName: entity.clientName,
    assignee: entity.assignee,
    policeReference: entity.policeReference,
    cameras: entity.cameras,
    thrive: entity.thrive,
    monitoring: entity.monitoring,
    outcome: entity.outcome,
    callCount: entity.callCount,
    lastCallAt: entity.lastCallAt.toISOString(),
    respondBy: entity.respondBy?.toISOString() ?? null,
    closedAt: entity.closedAt?.toISOString() ?? null,
    mergedInto: entity.mergedInto,
    updatedAt: entity.updatedAt.toISOString(),
  };
}
