import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ApiZodQuery, ERROR_SCHEMA, throwRefusal, ZodBodyPipe } from '@vigil/config';
import { LoanDeployment, LoanListQuery, loanListQuerySchema, RequestLoan, requestLoanSchema } from '@vigil/contracts';
import { isUuid } from '@vigil/db';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { ChangeLoanUseCase } from './change-loan.usecase';
import { decideLoanAccess } from './domain/loan-access';
import { LOAN_COMMAND_SCHEMAS, LoanCommandWithBody, PersonLoanCommand } from './loan-commands';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { LoanEquipmentCheckEntity } from './loan-equipment-check.entity';
import { LoanResult } from './loan-result';
import { toLoanView } from './loan-view';
import { checksOf } from './record-loan-change';
import { RequestLoanUseCase } from './request-loan.usecase';
import { ApiLoanCommand, ApiLoanCreate, LOAN, LOAN_READERS } from './loans-openapi';

/** The body of a deployment command, parsed with its contract schema. */
const command = <N extends PersonLoanCommand>(name: N) => Body(new ZodBodyPipe(LOAN_COMMAND_SCHEMAS[name], `${name} command`));
type BodyOf<N extends PersonLoanCommand> = Extract<LoanCommandWithBody, { name: N }>['body'];

/** Lend-A-Cam deployments over REST: thin adapters to the use cases. */
@ApiTags('lend-a-cam')
@ApiSessionToken()
@Controller('api/loans')
@UseGuards(AuthGuard)
export class LoansController {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly requestLoan: RequestLoanUseCase,
    private readonly changeLoan: ChangeLoanUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Deployments of redeployable cameras, newest request first', description: LOAN_READERS })
  @ApiZodQuery(loanListQuerySchema)
  @ApiOkResponse({ schema: { type: 'array', items: LOAN } })
  @ApiForbiddenResponse({ description: 'Police and the contractor have no part in the scheme.', schema: ERROR_SCHEMA })
  async list(@Req() req: AuthenticatedRequest, @Query(new ZodBodyPipe(loanListQuerySchema, 'loan query')) query: LoanListQuery): Promise<LoanDeployment[]> {
    const actor = faultActorOf(req.principal);
    if (decideLoanAccess(actor, { partnerId: actor.partnerId ?? null }, 'read') !== 'allowed') throw new ForbiddenException(`a ${actor.role} has no part in Lend-A-Cam`);
    const partnerId = actor.role === 'partner' ? actor.partnerId : query.partnerId;
    const loans = await this.dataSource.getRepository(LoanDeploymentEntity).find({
      where: { ...(partnerId && { partnerId }), ...(query.cameraId && { cameraId: query.cameraId }), ...(query.status && { status: query.status }) },
      order: { requestedAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const checks = loans.length ? await this.dataSource.getRepository(LoanEquipmentCheckEntity).find({ where: { deploymentId: In(loans.map((l) => l.id)) }, order: { id: 'ASC' } }) : [];
    return loans.map((loan) => toLoanView(loan, checks.filter((c) => c.deploymentId === loan.id)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One deployment, with its assessment, checks and review', description: LOAN_READERS })
  @ApiParam({ name: 'id', description: 'deployment id (uuid)' })
  @ApiOkResponse({ schema: LOAN })
  @ApiForbiddenResponse({ description: 'Police and the contractor have no part in the scheme.', schema: ERROR_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such deployment, or not one the caller may see.', schema: ERROR_SCHEMA })
  async one(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<LoanDeployment> {
    const loan = isUuid(id) ? await this.dataSource.getRepository(LoanDeploymentEntity).findOneBy({ id }) : null;
    const access = loan ? decideLoanAccess(faultActorOf(req.principal), loan, 'read') : 'not-visible';
    if (!loan || access === 'not-visible') throw new NotFoundException(`no deployment ${id}`);
    if (access === 'role-may-not') throw new ForbiddenException(`a ${req.principal.role} has no part in Lend-A-Cam`);
    return toLoanView(loan, await checksOf(this.dataSource.manager, loan.id));
  }

  @Post()
  @ApiLoanCreate(
    'Lend a redeployable camera to a customer: a deployment request, nothing installed yet',
    'Only a redeployable camera, not decommissioned, and not lent to anyone else. Customers from the waiting list come through POST /api/loan-waiting-list/take-next.',
    requestLoanSchema,
    LOAN,
    'not-redeployable, camera-decommissioned, camera-on-loan',
  )
  async request(@Req() req: AuthenticatedRequest, @Body(new ZodBodyPipe(requestLoanSchema, 'loan request')) body: RequestLoan): Promise<LoanDeployment> {
    return answerLoan(await this.requestLoan.execute(req.principal, body));
  }

  @Post(':id/pia-approval')
  @HttpCode(200)
  @ApiLoanCommand('deployment', 'The privacy impact assessment was approved: by whom, when, and where the document is', LOAN_COMMAND_SCHEMAS['approve-pia'], 'pia-already-approved, already-installed, deployment-closed, recorded-ahead')
  approvePia(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('approve-pia') body: BodyOf<'approve-pia'>): Promise<LoanDeployment> {
    return this.change(req, id, { name: 'approve-pia', body });
  }

  @Post(':id/equipment-checks')
  @HttpCode(200)
  @ApiLoanCommand('deployment', 'The equipment was checked before this use: by whom, when, pass or fail, notes (the last check decides the install)', LOAN_COMMAND_SCHEMAS['record-check'], 'already-installed, deployment-closed, recorded-ahead')
  recordCheck(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('record-check') body: BodyOf<'record-check'>): Promise<LoanDeployment> {
    return this.change(req, id, { name: 'record-check', body });
  }

  @Post(':id/install')
  @HttpCode(200)
  @ApiLoanCommand('deployment', 'Installed at the customer\'s place: the 28 days start and the review is set for their end', LOAN_COMMAND_SCHEMAS.install, 'pia-not-approved, equipment-not-checked, equipment-check-failed, already-installed, deployment-closed')
  install(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('install') body: BodyOf<'install'>): Promise<LoanDeployment> {
    return this.change(req, id, { name: 'install', body });
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiLoanCommand('deployment', 'The review is done: the deployment goes on for another period (28 days unless extendDays says otherwise)', LOAN_COMMAND_SCHEMAS.review, 'not-in-review, not-installed, deployment-closed')
  review(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('review') body: BodyOf<'review'>): Promise<LoanDeployment> {
    return this.change(req, id, { name: 'review', body });
  }

  @Post(':id/remove')
  @HttpCode(200)
  @ApiLoanCommand('deployment', 'Taken down: after the 28 days, or before them as an emergency with the reason; the camera is free again', LOAN_COMMAND_SCHEMAS.remove, 'minimum-term-not-served, not-installed, deployment-closed')
  remove(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('remove') body: BodyOf<'remove'>): Promise<LoanDeployment> {
    return this.change(req, id, { name: 'remove', body });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiLoanCommand('deployment', 'A request that will not go ahead (the assessment was not approved, the customer moved): the camera is free again', LOAN_COMMAND_SCHEMAS.cancel, 'already-installed, deployment-closed')
  cancel(@Req() req: AuthenticatedRequest, @Param('id') id: string, @command('cancel') body: BodyOf<'cancel'>): Promise<LoanDeployment> {
    return this.change(req, id, { name: 'cancel', body });
  }

  private async change(req: AuthenticatedRequest, id: string, command: LoanCommandWithBody): Promise<LoanDeployment> {
    return answerLoan(await this.changeLoan.execute(req.principal, id, command));
  }
}

/** The HTTP answer to a deployment command: the deployment, or the refusal's (see throwRefusal). */
export function answerLoan(result: LoanResult): LoanDeployment {
  if (result.kind === 'requested' || result.kind === 'changed') return result.loan;
  return throwRefusal(result);
}
