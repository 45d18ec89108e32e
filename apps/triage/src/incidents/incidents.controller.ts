import { Controller, Get, NotFoundException, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import { Incident, IncidentCall, IncidentListQuery, incidentListQuerySchema, TimelineEntry } from '@vigil/contracts';
import { canActorSee } from '../lifecycle/domain/incident-access';
import { isIncidentId } from '../lifecycle/incident-rows';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { readCalls, readTimeline } from './incident-history';
import { IncidentEntity } from './incident.entity';
import { ApiIncidentCalls, ApiIncidentTimeline, ApiListIncidents, ApiOneIncident } from './incidents-openapi';
import { toIncidentView } from './incident-view';
import { listIncidentsQuery } from './list-incidents';

/** Read access to incidents, each caller seeing only what it may; one it may not see is answered as missing. */
@ApiTags('incidents')
@ApiSessionToken()
@Controller('api/incidents')
@UseGuards(AuthGuard)
export class IncidentsController {
  constructor(@InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * Without `board`, the newest incidents first, a page at a time (`limit` up to 500, `offset`):
   * what a dashboard reloads as its snapshot. An incident opened while a client pages shifts later
   * pages by one, so a row may come twice (clients keep the newest version), never not at all.
   */
  @Get()
  @ApiListIncidents()
  async list(@Req() request: AuthenticatedRequest, @Query(new ZodBodyPipe(incidentListQuerySchema, 'incident query')) query: IncidentListQuery): Promise<Incident[]> {
    const found = listIncidentsQuery(this.dataSource.manager, request.principal, query);
    return found ? (await found.getMany()).map(toIncidentView) : [];
  }

  /** One incident by id or reference (VIG-2026-000123). */
  @Get(':idOrReference')
  @ApiOneIncident()
  async one(@Req() request: AuthenticatedRequest, @Param('idOrReference') key: string): Promise<Incident> {
    const incident = await this.dataSource.getRepository(IncidentEntity).findOneBy(isIncidentId(key) ? { id: key } : { reference: key });
    return toIncidentView(this.visible(request, incident, key));
  }

  @Get(':id/timeline')
  @ApiIncidentTimeline()
  async timeline(@Req() request: AuthenticatedRequest, @Param('id') id: string): Promise<TimelineEntry[]> {
    await this.visibleById(request, id);
    return readTimeline(this.dataSource.manager, id);
  }

  @Get(':id/calls')
  @ApiIncidentCalls()
  async calls(@Req() request: AuthenticatedRequest, @Param('id') id: string): Promise<IncidentCall[]> {
    await this.visibleById(request, id);
    return readCalls(this.dataSource.manager, id);
  }

  private async visibleById(request: AuthenticatedRequest, id: string): Promise<IncidentEntity> {
    const incident = isIncidentId(id) ? await this.dataSource.getRepository(IncidentEntity).findOneBy({ id }) : null;
    return this.visible(request, incident, id);
  }

  private visible(request: AuthenticatedRequest, incident: IncidentEntity | null, key: string): IncidentEntity {
    if (!incident || !canActorSee(request.principal, incident)) throw new NotFoundException(`no incident ${key}`);
    return incident;
  }
}
