import { Controller, Get, NotFoundException, Param, ParseIntPipe, DefaultValuePipe, Query, Req, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard, canSeeIncident } from '@vigil/auth';
import { Incident } from '@vigil/contracts';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { IncidentEntity } from './incident.entity';
import { toIncidentView } from './incident-view';

/** Read access to incidents, each caller seeing only what it may. */
@Controller('api/incidents')
@UseGuards(AuthGuard)
export class IncidentsController {
  constructor(@InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * The newest incidents first, a page at a time (`limit` up to 500, `offset`): what a dashboard
   * reloads as its snapshot. An incident opened while a client pages shifts later pages by one,
   * so a row may come twice (clients keep the newest version), never not at all.
   */
  @Get()
  async list(
    @Req() request: AuthenticatedRequest,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ): Promise<Incident[]> {
    const principal = request.principal;
    if (principal.role === 'contractor') return [];
    const query = this.dataSource
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .orderBy('i.opened_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .offset(Math.max(offset, 0))
      .limit(Math.min(Math.max(limit, 1), 500));
    if (principal.role === 'partner') query.where('i.partner_id = :partnerId', { partnerId: principal.partnerId });
    return (await query.getMany()).map(toIncidentView);
  }

  /** One incident by id or reference (VIG-2026-000123). */
  @Get(':idOrReference')
  async one(@Req() request: AuthenticatedRequest, @Param('idOrReference') key: string): Promise<Incident> {
    const repository = this.dataSource.getRepository(IncidentEntity);
    const isUuid = /^[0-9a-f-]{36}$/i.test(key);
    const incident = await repository.findOneBy(isUuid ? { id: key } : { reference: key });
    if (!incident || !canSeeIncident(request.principal, incident.partnerId)) throw new NotFoundException(`no incident ${key}`);
    return toIncidentView(incident);
  }
}
