import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ApiZodQuery, ERROR_SCHEMA, throwRefusal, ZodBodyPipe } from '@vigil/config';
import {
  AddToWaitingList,
  addToWaitingListSchema,
  LoanDeployment,
  prioritiseWaitingSchema,
  recordContactSchema,
  takeNextWaitingSchema,
  WaitingEntry,
  WaitingListQuery,
  waitingListQuerySchema,
} from '@vigil/contracts';
import { faultActorOf } from '../../fault-actor';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { orderWaitingList } from '../domain/waiting-list';
import { decideLoanAccess } from '../domain/loan-access';
import { LoanWaitingEntryEntity } from '../loan-waiting-entry.entity';
import { WaitingResult } from '../loan-result';
import { ApiLoanCommand, ApiLoanCreate, LOAN, LOAN_READERS, WAITING_ENTRY } from '../loans-openapi';
import { queuePlaceOf, toWaitingView } from '../waiting-entry-view';
import { TakeNextCustomerUseCase } from './take-next-customer.usecase';
import { WaitingListUseCase } from './waiting-list.usecase';

const TAKEN = { type: 'object' as const, properties: { entry: WAITING_ENTRY, loan: LOAN } };

/** The owners' Lend-A-Cam waiting lists over REST: thin adapters to the use cases. */
@ApiTags('lend-a-cam')
@ApiSessionToken()
@Controller('api/loan-waiting-list')
@UseGuards(AuthGuard)
export class WaitingListController {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly waitingList: WaitingListUseCase,
    private readonly takeNext: TakeNextCustomerUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: "The waiting list in the order customers get a camera, each with their place and the date they were last told", description: `${LOAN_READERS} Positions count within each owner's list.` })
  @ApiZodQuery(waitingListQuerySchema)
  @ApiOkResponse({ schema: { type: 'array', items: WAITING_ENTRY } })
  @ApiForbiddenResponse({ description: 'Police and the contractor have no part in the scheme.', schema: ERROR_SCHEMA })
  async list(@Req() req: AuthenticatedRequest, @Query(new ZodBodyPipe(waitingListQuerySchema, 'waiting-list query')) query: WaitingListQuery): Promise<WaitingEntry[]> {
    const actor = faultActorOf(req.principal);
    if (decideLoanAccess(actor, { partnerId: actor.partnerId ?? null }, 'read') !== 'allowed') throw new ForbiddenException(`a ${actor.role} has no part in Lend-A-Cam`);
    const owner = actor.role === 'partner' ? { partnerId: actor.partnerId, clientName: undefined } : { partnerId: query.partnerId, clientName: query.clientName };
    const entries = await this.dataSource.getRepository(LoanWaitingEntryEntity).find({
      where: { status: query.status, ...(owner.partnerId && { partnerId: owner.partnerId }), ...(owner.clientName && { clientName: owner.clientName }) },
      order: { takenAt: 'DESC', seq: 'ASC' },
    });
    if (query.status === 'taken') return entries.map((e) => toWaitingView(e, null));
    const byOwner = new Map<string, LoanWaitingEntryEntity[]>();
    for (const entry of entries) byOwner.set(entry.partnerId ?? `client:${entry.clientName}`, [...(byOwner.get(entry.partnerId ?? `client:${entry.clientName}`) ?? []), entry]);
    return [...byOwner.values()].flatMap((queue) => orderWaitingList(queue.map(queuePlaceOf)).map((place, index) => toWaitingView(place.entry, index + 1)));
  }

  @Post()
  @ApiLoanCreate(
    "Add a customer to the back of an owner's waiting list",
    'The owner (partnerId or clientName) must have a redeployable camera; a customer waits once per list.',
    addToWaitingListSchema,
    WAITING_ENTRY,
    'owner-has-no-redeployable-cameras, already-waiting',
    false,
  )
  async add(@Req() req: AuthenticatedRequest, @Body(new ZodBodyPipe(addToWaitingListSchema, 'waiting-list entry')) body: AddToWaitingList): Promise<WaitingEntry> {
    return answerWaiting(await this.waitingList.add(req.principal, body));
  }

  @Post('take-next')
  @ApiLoanCreate(
    "A camera came free: the next customer on its owner's list gets a deployment request for it and leaves the list",
    'One transaction: the entry is taken and the deployment requested, or neither. Answers 201 with both.',
    takeNextWaitingSchema,
    TAKEN,
    'nobody-waiting, not-redeployable, camera-decommissioned, camera-on-loan',
  )
  async next(@Req() req: AuthenticatedRequest, @Body(new ZodBodyPipe(takeNextWaitingSchema, 'take-next')) body: { cameraId: string }): Promise<{ entry: WaitingEntry; loan: LoanDeployment }> {
    const result = await this.takeNext.execute(req.principal, body.cameraId);
    if (result.kind === 'taken') return { entry: result.entry, loan: result.loan };
    return throwRefusal(result);
  }

  @Post(':id/priority')
  @HttpCode(200)
  @ApiLoanCommand('waiting-list entry', 'Move a customer to the front for a priority, with the reason (behind customers moved there earlier)', prioritiseWaitingSchema, 'already-prioritised, not-waiting')
  async prioritise(@Req() req: AuthenticatedRequest, @Param('id') id: string, @Body(new ZodBodyPipe(prioritiseWaitingSchema, 'priority')) body: { version: number; reason: string }): Promise<WaitingEntry> {
    return answerWaiting(await this.waitingList.change(req.principal, id, { name: 'prioritise', body }));
  }

  @Post(':id/contacts')
  @HttpCode(200)
  @ApiLoanCommand('waiting-list entry', 'The customer was told where they stand: the date (now unless given) and what they were told', recordContactSchema, 'not-waiting, recorded-ahead')
  async contact(@Req() req: AuthenticatedRequest, @Param('id') id: string, @Body(new ZodBodyPipe(recordContactSchema, 'contact')) body: { version: number; note: string; contactedAt?: string }): Promise<WaitingEntry> {
    return answerWaiting(await this.waitingList.change(req.principal, id, { name: 'contact', body }));
  }
}

function answerWaiting(result: WaitingResult): WaitingEntry {
  if (result.kind === 'added' || result.kind === 'changed') return result.entry;
  return throwRefusal(result);
}
