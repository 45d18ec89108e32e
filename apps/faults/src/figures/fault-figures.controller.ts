import { Controller, ForbiddenException, Get, NotFoundException, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import {
  breachesPerMonthRowSchema,
  cameraAvailabilityRowSchema,
  cameraFaultHistoryRowSchema,
  FaultFiguresQuery,
  faultFiguresQuerySchema,
  faultsPerQuarterRowSchema,
  ownerAvailabilityRowSchema,
  responseTimesRowSchema,
} from '@vigil/contracts';
import { decideFiguresAccess, FiguresReport, FiguresScope } from '../domain/figures/figures-access';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { answerFigures } from './answer-figures';
import { ApiCameraParam, ApiFaultFigures } from './fault-figures-openapi';
import { pastPart, periodOf } from './figures-period';
import { cameraAvailabilityRows, ownerAvailabilityRows, readCameraAvailability } from './read-availability';
import { readBreachesPerMonth, readFaultsPerQuarter } from './read-calendar-counts';
import { cameraVisible, readCameraHistory } from './read-camera-history';
import { readResponseTimes } from './read-response-times';

const period = () => Query(new ZodBodyPipe(faultFiguresQuerySchema, 'figures query'));
type Answer = Record<string, string | number | boolean | null>[] | string;

/** Fault history and figures for owners and the contract, over REST as JSON or CSV: thin adapters to the readers. */
@ApiTags('fault figures')
@ApiSessionToken()
@Controller('api/fault-figures')
@UseGuards(AuthGuard)
export class FaultFiguresController {
  constructor(@InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource) {}

  @Get('cameras/:cameraId/history')
  @ApiFaultFigures("A camera's fault history", 'Every ticket that covered the camera, reported in the period, oldest first: each step\'s time, breaches, and the engineer\'s report.', cameraFaultHistoryRowSchema)
  @ApiCameraParam()
  async history(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @Param('cameraId') cameraId: string, @period() query: FaultFiguresQuery): Promise<Answer> {
    const scope = this.scope(req, 'camera-history');
    if (!(await cameraVisible(this.dataSource.manager, cameraId, scope))) throw new NotFoundException(`no camera ${cameraId}`);
    return answerFigures(req, res, query, `history-${cameraId}`, cameraFaultHistoryRowSchema, await readCameraHistory(this.dataSource.manager, cameraId, periodOf(query)));
  }

  @Get('response-times')
  @ApiFaultFigures(
    'Mean time to respond and to repair',
    'Tickets reported in the period: respond is report → engineer on site (or a remote fix), repair is report → fixed, planned maintenance over the cameras excluded; the first row is all owners.',
    responseTimesRowSchema,
  )
  async responseTimes(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @period() query: FaultFiguresQuery): Promise<Answer> {
    const rows = await readResponseTimes(this.dataSource.manager, periodOf(query), this.scope(req, 'response-times'));
    return answerFigures(req, res, query, 'response-times', responseTimesRowSchema, rows);
  }

  @Get('availability/cameras')
  @ApiFaultFigures(
    'Availability per camera',
    "Each camera's share of the period (up to now, from its registration) it was working: down while a fault was open until its fix was verified, planned maintenance counted neither way.",
    cameraAvailabilityRowSchema,
  )
  async cameraAvailability(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @period() query: FaultFiguresQuery): Promise<Answer> {
    const cameras = await readCameraAvailability(this.dataSource.manager, pastPart(periodOf(query), Date.now()), this.scope(req, 'camera-availability'));
    return answerFigures(req, res, query, 'availability-cameras', cameraAvailabilityRowSchema, cameraAvailabilityRows(cameras));
  }

  @Get('availability/owners')
  @ApiFaultFigures('Availability per owner', "Each owner's cameras together, each weighted by its scheduled time, as per camera.", ownerAvailabilityRowSchema, 'owner-availability')
  async ownerAvailability(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @period() query: FaultFiguresQuery): Promise<Answer> {
    const cameras = await readCameraAvailability(this.dataSource.manager, pastPart(periodOf(query), Date.now()), this.scope(req, 'owner-availability'));
    return answerFigures(req, res, query, 'availability-owners', ownerAvailabilityRowSchema, ownerAvailabilityRows(cameras));
  }

  @Get('faults-per-quarter')
  @ApiFaultFigures(
    'Faults per owner per quarter',
    'Tickets reported (and the cameras they covered) in each whole quarter the period touches, quarters starting at midnight in London; a fault running into the next quarter counts in the one it was reported in.',
    faultsPerQuarterRowSchema,
  )
  async faultsPerQuarter(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @period() query: FaultFiguresQuery): Promise<Answer> {
    const rows = await readFaultsPerQuarter(this.dataSource.manager, periodOf(query), this.scope(req, 'faults-per-quarter'));
    return answerFigures(req, res, query, 'faults-per-quarter', faultsPerQuarterRowSchema, rows);
  }

  @Get('breaches-per-month')
  @ApiFaultFigures(
    'SLA breaches per month',
    'Attendance and fix deadlines missed in each whole month (London time) the period touches, per owner; every round of a reopened ticket counts.',
    breachesPerMonthRowSchema,
  )
  async breachesPerMonth(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response, @period() query: FaultFiguresQuery): Promise<Answer> {
    const rows = await readBreachesPerMonth(this.dataSource.manager, periodOf(query), this.scope(req, 'breaches-per-month'));
    return answerFigures(req, res, query, 'breaches-per-month', breachesPerMonthRowSchema, rows);
  }

  private scope(req: AuthenticatedRequest, report: FiguresReport): FiguresScope {
    const access = decideFiguresAccess(faultActorOf(req.principal), report);
    if (!access.allowed) throw new ForbiddenException(`${req.principal.role} may not read ${report}`);
    return access.scope;
  }
}
