import { Body, ConflictException, Controller, ForbiddenException, Get, HttpCode, HttpStatus, NotFoundException, Param, Post, Query, Req, UnprocessableEntityException, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ApiZodBody, ApiZodQuery, ERROR_SCHEMA, openApiSchema, ZodBodyPipe } from '@vigil/config';
import {
  cancelMaintenanceWindowSchema,
  CreateMaintenanceWindow,
  createMaintenanceWindowSchema,
  MaintenanceWindow,
  MaintenanceWindowListQuery,
  maintenanceWindowListQuerySchema,
  maintenanceWindowSchema,
} from '@vigil/contracts';
import { FAULTS_SCHEMA } from '../faults.schema';
import { MaintenanceResult } from './maintenance-result';
import { MaintenanceWindowEntity } from './maintenance-window.entity';
import { toMaintenanceWindowView } from './maintenance-window-view';
import { PlanMaintenanceUseCase } from './plan-maintenance.usecase';

const WINDOW = openApiSchema(maintenanceWindowSchema, 'output');
const SAVED = { type: 'object' as const, properties: { window: WINDOW, ticketsMoved: { type: 'integer' as const, description: 'open tickets whose deadlines moved' } } };

/** Planned maintenance over REST: everyone signed in reads the windows (they are no secret); the control room plans them. */
@ApiTags('tickets')
@ApiSessionToken()
@Controller('api/maintenance-windows')
@UseGuards(AuthGuard)
export class MaintenanceWindowsController {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly plan: PlanMaintenanceUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Planned maintenance windows not yet over (or over after `activeAfter`), soonest first', description: 'Who: any session token.' })
  @ApiZodQuery(maintenanceWindowListQuerySchema)
  @ApiOkResponse({ schema: { type: 'array', items: WINDOW } })
  async list(@Query(new ZodBodyPipe(maintenanceWindowListQuerySchema, 'window query')) query: MaintenanceWindowListQuery): Promise<MaintenanceWindow[]> {
    const windows = await this.dataSource.getRepository(MaintenanceWindowEntity).find({
      where: { cancelledAt: IsNull(), endsAt: MoreThan(query.activeAfter ? new Date(query.activeAfter) : new Date()), ...(query.scope && { scope: query.scope }), ...(query.target && { target: query.target }) },
      order: { startsAt: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return windows.map(toMaintenanceWindowView);
  }

  @Post()
  @ApiOperation({ summary: 'Plan maintenance over a camera, a site or an owner: the SLA clocks of the tickets it covers stop while it lasts', description: 'Who: operators and supervisors.' })
  @ApiZodBody(createMaintenanceWindowSchema)
  @ApiCreatedResponse({ schema: SAVED })
  @ApiForbiddenResponse({ description: 'Not the control room.', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 422, description: 'No such camera, site or owner in the register.', schema: ERROR_SCHEMA })
  async create(@Req() req: AuthenticatedRequest, @Body(new ZodBodyPipe(createMaintenanceWindowSchema, 'maintenance window')) body: CreateMaintenanceWindow) {
    return answer(await this.plan.create(req.principal, body));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a window, with the version seen and a reason: the time goes back on the clocks', description: 'Who: operators and supervisors.' })
  @ApiParam({ name: 'id', description: 'window id (uuid)' })
  @ApiZodBody(cancelMaintenanceWindowSchema)
  @ApiOkResponse({ schema: SAVED })
  @ApiForbiddenResponse({ description: 'Not the control room.', schema: ERROR_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such window.', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 409, description: 'Stale version: `current` is the window as it is.', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 422, description: 'Already cancelled.', schema: ERROR_SCHEMA })
  async cancel(@Req() req: AuthenticatedRequest, @Param('id') id: string, @Body(new ZodBodyPipe(cancelMaintenanceWindowSchema, 'cancellation')) body: { version: number; reason: string }) {
    return answer(await this.plan.cancel(req.principal, id, body));
  }
}

function answer(result: MaintenanceResult): { window: MaintenanceWindow; ticketsMoved: number } {
  switch (result.kind) {
    case 'saved':
      return { window: result.window, ticketsMoved: result.ticketsMoved };
    case 'not-found':
      throw new NotFoundException(`no maintenance window ${result.windowId}`);
    case 'forbidden':
      throw new ForbiddenException(result.message);
    case 'stale':
      throw new ConflictException({ statusCode: HttpStatus.CONFLICT, message: `the window changed since version ${result.sentVersion}`, sentVersion: result.sentVersion, current: result.current });
    case 'refused':
      throw new UnprocessableEntityException({ statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message: result.message, reason: result.reason });
  }
}
