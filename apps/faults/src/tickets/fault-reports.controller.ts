import { Body, Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import { ReportFault, reportFaultSchema, TicketForAudience } from '@vigil/contracts';
import { ticketAudienceOf } from '../domain/ticket-audience';
import { faultActorOf } from '../fault-actor';
import { ReportFaultUseCase } from './report-fault/report-fault.usecase';
import { answerTicket } from './ticket-http';
import { ApiReportFault } from './tickets-openapi';

/** Fault reports from people over REST (the console's form posts here too): a thin adapter to the use case. */
@ApiTags('tickets')
@ApiSessionToken()
@Controller('api/faults')
@UseGuards(AuthGuard)
export class FaultReportsController {
  constructor(private readonly reportFault: ReportFaultUseCase) {}

  @Post()
  @ApiReportFault()
  async report(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @Body(new ZodBodyPipe(reportFaultSchema, 'fault report')) body: ReportFault): Promise<TicketForAudience> {
    const result = await this.reportFault.execute(req.principal, body);
    // A new ticket is created (201); a camera's open ticket, or a report made before, is answered as it is (200).
    res.status(result.kind === 'opened' ? 201 : 200);
    return answerTicket(result, ticketAudienceOf(faultActorOf(req.principal)));
  }
}
