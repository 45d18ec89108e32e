import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import { ticketForAudience, TicketForAudience, TicketListQuery, ticketListQuerySchema, TimelineEntry } from '@vigil/contracts';
import { isUuid } from '@vigil/db';
import { canSeeAsset } from '../domain/ticket-access';
import { ticketAudienceOf } from '../domain/ticket-audience';
import { TicketCommand } from '../domain/ticket-state-machine';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { ChangeTicketUseCase } from './change-ticket/change-ticket.usecase';
import { TICKET_COMMAND_SCHEMAS, TicketCommandWithBody } from './change-ticket/ticket-command';
import { listTicketsQuery } from './list-tickets';
import { camerasOfTickets } from './ticket-cameras';
import { answerTicket } from './ticket-http';
import { timelineEntryFor } from './ticket-timeline-view';
import { TicketTimelineEntryEntity } from './ticket-timeline-entry.entity';
import { TicketEntity } from './ticket.entity';
import { toTicketView } from './ticket-view';
import { ApiListTickets, ApiOneTicket, ApiTicketCommand, ApiTicketTimeline } from './tickets-openapi';

/** The body of a ticket command, parsed with its contract schema. */
const command = <N extends TicketCommand>(name: N) => Body(new ZodBodyPipe(TICKET_COMMAND_SCHEMAS[name], `${name} command`));
type BodyOf<N extends TicketCommand> = Extract<TicketCommandWithBody, { name: N }>['body'];

/** The contractor's tickets over REST: thin adapters to the use cases. */
@ApiTags('tickets')
@ApiSessionToken()
@Controller('api/tickets')
@UseGuards(AuthGuard)
export class TicketsController {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly changeTicket: ChangeTicketUseCase,
  ) {}

  @Get()
  @ApiListTickets()
  async list(@Req() req: AuthenticatedRequest, @Query(new ZodBodyPipe(ticketListQuerySchema, 'ticket query')) query: TicketListQuery): Promise<TicketForAudience[]> {
    const found = listTicketsQuery(this.dataSource.manager, faultActorOf(req.principal), query);
    const tickets = found ? await found.getMany() : [];
    const cameras = await camerasOfTickets(this.dataSource.manager, tickets.map((t) => t.id));
    return tickets.map((t) => ticketForAudience(audienceOf(req), toTicketView(t, cameras.get(t.id) ?? [])));
  }

  @Get(':id')
  @ApiOneTicket()
  async one(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<TicketForAudience> {
    const ticket = await this.visible(req, id);
    return ticketForAudience(audienceOf(req), toTicketView(ticket, (await camerasOfTickets(this.dataSource.manager, [id])).get(id) ?? []));
  }

  @Get(':id/timeline')
  @ApiTicketTimeline()
  async timeline(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<TimelineEntry[]> {
    await this.visible(req, id);
    const entries = await this.dataSource.getRepository(TicketTimelineEntryEntity).find({ where: { ticketId: id }, order: { at: 'ASC', id: 'ASC' } });
    return entries.map((e) => timelineEntryFor(audienceOf(req), e));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiTicketCommand('acknowledge', 'The contractor has the ticket (reported or reopened → acknowledged)', 'the contractor (a supervisor on its behalf)')
  acknowledge(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('acknowledge') body: BodyOf<'acknowledge'>): Promise<TicketForAudience> {
    return this.change(req, id, { name: 'acknowledge', body });
  }

  @Post(':id/on-site')
  @HttpCode(200)
  @ApiTicketCommand('on-site', 'The engineer is at the camera: meets the response (attendance) clock', 'the contractor (a supervisor on its behalf)')
  onSite(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('on-site') body: BodyOf<'on-site'>): Promise<TicketForAudience> {
    return this.change(req, id, { name: 'on-site', body });
  }

  @Post(':id/fixed')
  @HttpCode(200)
  @ApiTicketCommand('fixed', "Fixed, with the engineer's report: meets the fix clock; the camera stays out of public view until verified", 'the contractor (a supervisor on its behalf)')
  fixed(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('fixed') body: BodyOf<'fixed'>): Promise<TicketForAudience> {
    return this.change(req, id, { name: 'fixed', body });
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiTicketCommand('verify', 'The control room sees the picture back: the cameras return to service', 'operators and supervisors, never the contractor')
  verify(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('verify') body: BodyOf<'verify'>): Promise<TicketForAudience> {
    return this.change(req, id, { name: 'verify', body });
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiTicketCommand('reopen', 'The fix did not hold: reopened with the reason, both clocks start again', 'operators (a fixed ticket) and supervisors (also a verified one)')
  reopen(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('reopen') body: BodyOf<'reopen'>): Promise<TicketForAudience> {
    return this.change(req, id, { name: 'reopen', body });
  }

  private async change(req: AuthenticatedRequest, id: string, command: TicketCommandWithBody): Promise<TicketForAudience> {
    return answerTicket(await this.changeTicket.execute(req.principal, id, command), audienceOf(req));
  }

  private async visible(req: AuthenticatedRequest, id: string): Promise<TicketEntity> {
    const ticket = isUuid(id) ? await this.dataSource.getRepository(TicketEntity).findOneBy({ id }) : null;
    if (!ticket || !canSeeAsset(faultActorOf(req.principal), ticket)) throw new NotFoundException(`no ticket ${id}`);
    return ticket;
  }
}

/** The view of tickets the asker is given. */
function audienceOf(req: AuthenticatedRequest) {
  return ticketAudienceOf(faultActorOf(req.principal));
}
