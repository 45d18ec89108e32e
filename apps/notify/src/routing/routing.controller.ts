import { Body, Controller, ForbiddenException, Get, HttpStatus, Put, Req, UnprocessableEntityException, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard, isControlRoomStaff } from '@vigil/auth';
import { ApiSessionToken, ApiZodBody, ERROR_SCHEMA, openApiSchema, throwRefusal, ZodBodyPipe } from '@vigil/config';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { ChangeRouting, changeRoutingSchema } from './change-routing';
import { ChangeRoutingUseCase } from './change-routing.usecase';
import { compileVersion } from './compile-version';
import { routingReadScope } from './routing-access';
import { RoutingInForce } from './routing-in-force';
import { RoutingVersionEntity } from './routing-version.entity';
import { NO_ROUTING, RoutingView, routingViewSchema, toRoutingView } from './routing-view';

const VIEW = openApiSchema(routingViewSchema, 'output');
const HISTORY_LIMIT = 100;
const INVALID_SCHEMA = {
  type: 'object' as const,
  properties: {
    statusCode: { type: 'number' as const, enum: [422] },
    message: { type: 'string' as const },
    reason: { type: 'string' as const, enum: ['invalid-routing'] },
    errors: { type: 'array' as const, items: { type: 'object' as const, properties: { path: { type: 'string' as const, description: 'in the config, e.g. rules[2].receiver' }, message: { type: 'string' as const } } } },
  },
};

/** Notify's routing rules over REST: read by the control room (partners their own part), changed by the supervisor, every change kept. */
@ApiTags('notify')
@ApiSessionToken()
@Controller('api/notify/routing')
@UseGuards(AuthGuard)
export class RoutingController {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly inForce: RoutingInForce,
    private readonly changeRouting: ChangeRoutingUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The routing rules in force: version, config as submitted, who changed it last and why',
    description: 'Who: police, operators and the supervisor read the whole; a partner or the contractor only the receivers and rules that deliver to it (403 when none).',
  })
  @ApiOkResponse({ schema: VIEW })
  @ApiForbiddenResponse({ description: 'No rule delivers to this partner or contractor.', schema: ERROR_SCHEMA })
  current(@Req() req: AuthenticatedRequest): RoutingView {
    const rules = this.inForce.current();
    if (!rules) return NO_ROUTING;
    const scope = routingReadScope(req.principal, rules.tree);
    if (scope.kind === 'none') throw new ForbiddenException('no routing rule delivers to you');
    return toRoutingView(rules, scope);
  }

  @Get('history')
  @ApiOperation({ summary: `Every version of the rules, newest first (at most ${HISTORY_LIMIT}): who changed them, when and why`, description: 'Who: police, operators and the supervisor.' })
  @ApiOkResponse({ schema: { type: 'array', items: VIEW } })
  @ApiForbiddenResponse({ description: 'Not the control room.', schema: ERROR_SCHEMA })
  async history(@Req() req: AuthenticatedRequest): Promise<RoutingView[]> {
    if (!isControlRoomStaff(req.principal)) throw new ForbiddenException('the history of the rules is for the control room');
    const rows = await this.dataSource.getRepository(RoutingVersionEntity).find({ order: { version: 'DESC' }, take: HISTORY_LIMIT });
    // Old versions are shown as stored, even one a later schema would refuse.
    return rows.map((row) => {
      const compiled = compileVersion(row);
      return compiled.ok
        ? toRoutingView(compiled.rules, { kind: 'whole' })
        : { ...NO_ROUTING, version: row.version, config: row.config, changedBy: row.changedBy, changedAt: row.changedAt.toISOString(), comment: row.comment };
    });
  }

  @Put()
  @ApiOperation({
    summary: 'Replace the routing rules: validated whole, recorded with author and comment, in force for the next alert',
    description: 'Who: the control-room supervisor. `expectedVersion` is the version the edit starts from.',
  })
  @ApiZodBody(changeRoutingSchema)
  @ApiOkResponse({ schema: VIEW })
  @ApiForbiddenResponse({ description: 'Not the control-room supervisor.', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 409, description: 'Stale `expectedVersion`: `current` is the newest version.', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 422, description: 'The config is refused: `errors` names each at its path; the rules in force stay as they were.', schema: INVALID_SCHEMA })
  async change(@Req() req: AuthenticatedRequest, @Body(new ZodBodyPipe(changeRoutingSchema, 'routing change')) body: ChangeRouting): Promise<RoutingView> {
    const result = await this.changeRouting.change(req.principal, body);
    if (result.kind === 'saved') return result.rules;
    if (result.kind === 'invalid') {
      throw new UnprocessableEntityException({
        statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
        message: `the routing config is refused: ${result.errors.map((e) => `${e.path || '(top)'}: ${e.message}`).join('; ')}`,
        reason: 'invalid-routing',
        errors: result.errors,
      });
    }
    return throwRefusal(result);
  }
}
