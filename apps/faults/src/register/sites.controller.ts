import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken } from '@vigil/config';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';

/** A site as GET /api/sites lists it. */
export interface SiteView {
  siteId: string;
  partnerId: string | null;
  clientName: string | null;
  town: string;
  /** Cameras on it that are not decommissioned. */
  cameras: number;
  /** Of which not in public view now. */
  camerasOutOfPublicView: number;
}

/** Sites (cabinets, recorders) with their cameras: what the contractor and the control room plan and group outages by. */
@ApiTags('cameras')
@ApiSessionToken()
@Controller('api/sites')
@UseGuards(AuthGuard)
export class SitesController {
  constructor(@InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Sites and their camera counts', description: 'Who: any session token; a partner sees its own sites only.' })
  @ApiOkResponse({
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          siteId: { type: 'string' },
          partnerId: { type: 'string', nullable: true },
          clientName: { type: 'string', nullable: true },
          town: { type: 'string' },
          cameras: { type: 'integer' },
          camerasOutOfPublicView: { type: 'integer' },
        },
      },
    },
  })
  async list(@Req() request: AuthenticatedRequest): Promise<SiteView[]> {
    const actor = faultActorOf(request.principal);
    const own = actor.role === 'partner' ? (actor.partnerId ?? '') : null;
    return this.dataSource.query(
      `SELECT s."id" AS "siteId", s."partner_id" AS "partnerId", s."client_name" AS "clientName", s."town",
              count(c."camera_id") FILTER (WHERE NOT c."decommissioned")::int AS "cameras",
              count(c."camera_id") FILTER (WHERE NOT c."decommissioned" AND c."status" <> 'in-service')::int AS "camerasOutOfPublicView"
       FROM "${FAULTS_SCHEMA}"."site" s LEFT JOIN "${FAULTS_SCHEMA}"."camera" c ON c."site_id" = s."id"
       WHERE $1::text IS NULL OR s."partner_id" = $1
       GROUP BY s."id" ORDER BY s."id"`,
      [own],
    );
  }
}
