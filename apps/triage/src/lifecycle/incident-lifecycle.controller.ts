import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import { Incident } from '@vigil/contracts';
import { ChangeIncidentUseCase } from './change-incident/change-incident.usecase';
import { CommandBody, LIFECYCLE_COMMANDS, LifecycleCommandName, SingleIncidentCommand } from './domain/lifecycle-command';
import { ApiLifecycleCommand } from './lifecycle-openapi';
import { answerCommand } from './lifecycle-http';
import { MergeIncidentsUseCase } from './merge-incidents/merge-incidents.usecase';
import { SplitCallUseCase } from './split-call/split-call.usecase';

/** The body of a command, parsed with its contract schema. */
const command = <N extends LifecycleCommandName>(name: N) => Body(new ZodBodyPipe(LIFECYCLE_COMMANDS[name].schema, `${name} command`));

/** Operators (and, for notes and references, police and partners) working an incident: POST /api/incidents/:id/<command>. */
@ApiTags('incidents')
@ApiSessionToken()
@ApiParam({ name: 'id', description: 'incident id (uuid)' })
@Controller('api/incidents')
@UseGuards(AuthGuard)
export class IncidentLifecycleController {
  constructor(
    private readonly changeIncident: ChangeIncidentUseCase,
    private readonly mergeIncidents: MergeIncidentsUseCase,
    private readonly splitCall: SplitCallUseCase,
  ) {}

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiLifecycleCommand('acknowledge', 'The control room has seen it (open → acknowledged)')
  acknowledge(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('acknowledge') body: CommandBody<'acknowledge'>): Promise<Incident> {
    return this.change(req, id, { name: 'acknowledge', body });
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiLifecycleCommand('assign', 'An operator takes it, or hands it back (assignee null)')
  assign(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('assign') body: CommandBody<'assign'>): Promise<Incident> {
    return this.change(req, id, { name: 'assign', body });
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiLifecycleCommand('start', 'Work is in progress (acknowledged → in-progress)')
  start(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('start') body: CommandBody<'start'>): Promise<Incident> {
    return this.change(req, id, { name: 'start', body });
  }

  @Post(':id/regrade')
  @HttpCode(200)
  @ApiLifecycleCommand('regrade', 'A new grade, with the reason')
  regrade(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('regrade') body: CommandBody<'regrade'>): Promise<Incident> {
    return this.change(req, id, { name: 'regrade', body });
  }

  @Post(':id/reclassify')
  @HttpCode(200)
  @ApiLifecycleCommand('reclassify', "Another category of the partnership's taxonomy, with the reason")
  reclassify(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('reclassify') body: CommandBody<'reclassify'>): Promise<Incident> {
    return this.change(req, id, { name: 'reclassify', body });
  }

  @Post(':id/locate')
  @HttpCode(200)
  @ApiLifecycleCommand('locate', "Place it with a partner and town, a company's client, or nobody yet, with the reason")
  locate(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('locate') body: CommandBody<'locate'>): Promise<Incident> {
    return this.change(req, id, { name: 'locate', body });
  }

  @Post(':id/notes')
  @HttpCode(200)
  @ApiLifecycleCommand('notes', 'A note on the timeline (no version: a note never conflicts)', "operators, police, and a partner on its own area's incidents")
  note(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('notes') body: CommandBody<'notes'>): Promise<Incident> {
    return this.change(req, id, { name: 'notes', body });
  }

  @Post(':id/thrive')
  @HttpCode(200)
  @ApiLifecycleCommand('thrive', 'A THRIVE (re-)assessment; earlier ones stay on the timeline')
  thrive(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('thrive') body: CommandBody<'thrive'>): Promise<Incident> {
    return this.change(req, id, { name: 'thrive', body });
  }

  @Post(':id/cameras')
  @HttpCode(200)
  @ApiLifecycleCommand('cameras', 'The cameras used (the whole list)')
  cameras(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('cameras') body: CommandBody<'cameras'>): Promise<Incident> {
    return this.change(req, id, { name: 'cameras', body });
  }

  @Post(':id/police-reference')
  @HttpCode(200)
  @ApiLifecycleCommand('police-reference', "The force's own incident number", 'operators and police')
  policeReference(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('police-reference') body: CommandBody<'police-reference'>): Promise<Incident> {
    return this.change(req, id, { name: 'police-reference', body });
  }

  @Post(':id/monitoring')
  @HttpCode(200)
  @ApiLifecycleCommand('monitoring', 'Someone is being monitored on camera; the code of practice requires the reason')
  monitoring(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('monitoring') body: CommandBody<'monitoring'>): Promise<Incident> {
    return this.change(req, id, { name: 'monitoring', body });
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiLifecycleCommand('merge', 'This incident joins another (both versions checked): its calls move there and it closes as merged; answers with this incident')
  async merge(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('merge') body: CommandBody<'merge'>): Promise<Incident> {
    return answerCommand(await this.mergeIncidents.execute(req.principal, id, body));
  }

  @Post(':id/split')
  @HttpCode(200)
  @ApiLifecycleCommand('split', 'A wrongly joined call leaves for a new incident of its own (announced as opened); answers with this incident')
  async split(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('split') body: CommandBody<'split'>): Promise<Incident> {
    return answerCommand(await this.splitCall.execute(req.principal, id, body));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiLifecycleCommand('close', 'Closed with the outcome (arrests, police attended, footage requested)')
  close(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('close') body: CommandBody<'close'>): Promise<Incident> {
    return this.change(req, id, { name: 'close', body });
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiLifecycleCommand('reopen', 'Back on the board as acknowledged, with the reason')
  reopen(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('reopen') body: CommandBody<'reopen'>): Promise<Incident> {
    return this.change(req, id, { name: 'reopen', body });
  }

  private async change(req: AuthenticatedRequest, id: string, command: SingleIncidentCommand): Promise<Incident> {
    return answerCommand(await this.changeIncident.execute(req.principal, id, command));
  }
}
