import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CameraListQuery } from '@vigil/contracts';
import { FaultActor } from '../domain/ticket-access';
import { CameraEntity } from './camera.entity';

/**
 * The cameras a caller may see, filtered and paged in id order: a partner only its own (never a
 * client's), everyone else all of them. Undefined when the filters ask for what the caller may not see.
 */
export function listCamerasQuery(manager: EntityManager, actor: FaultActor, query: CameraListQuery): SelectQueryBuilder<CameraEntity> | undefined {
  const builder = manager.createQueryBuilder(CameraEntity, 'c').orderBy('c.cameraId', 'ASC').limit(query.limit).offset(query.offset);
  if (actor.role === 'partner') {
    if ((query.partnerId && query.partnerId !== actor.partnerId) || query.clientName) return undefined;
    builder.andWhere('c.partnerId = :own', { own: actor.partnerId });
  }
  if (query.partnerId) builder.andWhere('c.partnerId = :partnerId', { partnerId: query.partnerId });
  if (query.clientName) builder.andWhere('c.clientName = :clientName', { clientName: query.clientName });
  if (query.town) builder.andWhere('c.town = :town', { town: query.town });
  if (query.siteId) builder.andWhere('c.siteId = :siteId', { siteId: query.siteId });
  if (query.status) builder.andWhere('c.status = :status', { status: query.status });
  if (query.type) builder.andWhere('c.type = :type', { type: query.type });
  return builder;
}
