import { Body, Controller, ForbiddenException, Get, HttpCode, HttpStatus, NotFoundException, Param, Post, Query, Req, UnprocessableEntityException, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ApiZodQuery, ERROR_SCHEMA, openApiSchema, ZodBodyPipe } from '@vigil/config';
import { newSilenceSchema } from '../domain/mute/new-silence';
import { ApiEmptyBody } from '../notify-openapi';
import { CreateSilenceUseCase } from './create-silence.usecase';
import { ExpireSilenceUseCase } from './expire-silence.usecase';
import { maySeeSilence, silenceReadScope } from './silence-access';
import { SilenceListQuery, silenceListQuerySchema } from './silence-list-query';
import { SilenceResult } from './silence-result';
import { SILENCE_LIST_LIMIT, SilenceStore } from './silence-store';
import { SilenceView, silenceViewSchema, toSilenceView } from './silence-view';

const VIEW = openApiSchema(silenceViewSchema, 'output');
const INVALID_SCHEMA = {
  type: 'object' as const,
  properties: {
    statusCode: { type: 'number' as const, enum: [422] },
    message: { type: 'string' as const },
    reason: { type: 'string' as const, enum: ['invalid-silence'] },
    errors: { type: 'array' as const, items: { type: 'object' as const, properties: { path: { type: 'string' as const, description: 'in the body, e.g. matchers[0].label' }, message: { type: 'string' as const } } } },
  },
};
const READERS = 'Who: police, operators and the supervisor read every silence; a partner only those pinning `partner=<its id>`, the contractor only those pinning `kind=fault`.';

/** Notify's silences over REST: the control room mutes alerts for a while, with a reason, and ends them early. */
@ApiTags('notify')
@ApiSessionToken()
@Controller('api/notify/silences')
@UseGuards(AuthGuard)
export class SilencesController {
  constructor(
    private readonly store: SilenceStore,
    private readonly createSilence: CreateSilenceUseCase,
    private readonly expireSilence: ExpireSilenceUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: `Silences in a state (by default active and pending), the latest to end first, at most ${SILENCE_LIST_LIMIT}`, description: READERS })
  @ApiZodQuery(silenceListQuerySchema)
  @ApiOkResponse({ schema: { type: 'array', items: VIEW } })
  async list(@Req() req: AuthenticatedRequest, @Query(new ZodBodyPipe(silenceListQuerySchema, 'silence query')) query: SilenceListQuery): Promise<SilenceView[]> {
    const now = new Date();
    const stored = await this.store.list({ state: query.state, scope: silenceReadScope(req.principal) }, now);
    return stored.filter((one) => maySeeSilence(req.principal, one.silence.matchers)).map((one) => toSilenceView(one, now));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One silence and its state', description: READERS })
  @ApiParam({ name: 'id', description: 'silence id (uuid)' })
  @ApiOkResponse({ schema: VIEW })
  @ApiNotFoundResponse({ description: 'No such silence, or not one the caller reads.', schema: ERROR_SCHEMA })
  async one(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<SilenceView> {
    const stored = await this.store.byId(id);
    if (!stored || !maySeeSilence(req.principal, stored.silence.matchers)) throw new NotFoundException(`no silence ${id}`);
    return toSilenceView(stored, new Date());
  }

  @Post()
  @ApiOperation({
    summary: 'Silence the alerts every matcher holds for, from `startsAt` (now when absent) until `endsAt`',
    description: 'Who: operators and the supervisor; the author is who signs in. Its author is reminded 15 minutes before the end; at the end, what it held back and still fires goes out at once.',
  })
  @ApiBody({ schema: openApiSchema(newSilenceSchema) })
  @ApiBadRequestResponse({ description: 'The body is not JSON.', schema: ERROR_SCHEMA })
  @ApiCreatedResponse({ schema: VIEW })
  @ApiForbiddenResponse({ description: 'Not an operator or the supervisor.', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 422, description: 'The silence is refused: `errors` names each problem at its path (an unknown label, an end already past…).', schema: INVALID_SCHEMA })
  async create(@Req() req: AuthenticatedRequest, @Body() body: unknown): Promise<SilenceView> {
    return answer(await this.createSilence.create(req.principal, body));
  }

  @Post(':id/expire')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End a silence now (a pending one never starts): what it held back and still fires goes out at once',
    description: 'Who: operators and the supervisor. Expiring an expired silence changes nothing and answers it as it is.',
  })
  @ApiParam({ name: 'id', description: 'silence id (uuid)' })
  @ApiEmptyBody()
  @ApiOkResponse({ schema: VIEW })
  @ApiForbiddenResponse({ description: 'Not an operator or the supervisor.', schema: ERROR_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such silence.', schema: ERROR_SCHEMA })
  async expire(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<SilenceView> {
    return answer(await this.expireSilence.expire(req.principal, id));
  }
}

function answer(result: SilenceResult): SilenceView {
  switch (result.kind) {
    case 'saved':
      return result.silence;
    case 'forbidden':
      throw new ForbiddenException(result.message);
    case 'not-found':
      throw new NotFoundException(`no silence ${result.id}`);
    case 'invalid':
      throw new UnprocessableEntityException({
        statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
        message: `the silence is refused: ${result.errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ')}`,
        reason: 'invalid-silence',
        errors: result.errors,
      });
  }
}
