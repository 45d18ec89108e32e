import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Logger, NotFoundException, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, ControlRoomGuard } from '@vigil/auth';
import { ApiControlRoomToken, ZodBodyPipe } from '@vigil/config';
import { CachedAccountRegister } from '../alarms';
import { INGEST_SCHEMA } from '../ingest.schema';
import { AlarmAccountEntity } from './alarm-account.entity';
import { ApiDeleteAlarmAccount, ApiListAlarmAccounts, ApiPutAlarmAccount } from './alarm-accounts-openapi';
import { ACCOUNT_PATTERN, AlarmAccountInput, alarmAccountInputSchema } from './alarm-account.schema';

/** An account as the API shows it: never the key, only whether there is one. */
export interface AlarmAccountView {
  account: string;
  partnerId: string;
  site: string;
  address: string;
  zones: Record<string, string>;
  users: Record<string, string>;
  encrypted: boolean;
  testIntervalSeconds: number | null;
  updatedBy: string;
  updatedAt: string;
}

function toView(row: AlarmAccountEntity): AlarmAccountView {
  const { keyHex, updatedAt, ...rest } = row;
  return { ...rest, encrypted: keyHex !== null, updatedAt: updatedAt.toISOString() };
}

/** The alarm account register: which panel belongs to which partner and site, its key and its test interval. */
@ApiTags('alarm accounts')
@ApiControlRoomToken()
@Controller('api/alarm-accounts')
@UseGuards(ControlRoomGuard)
export class AlarmAccountsController {
  // Changes to who is monitored are audited: one log line each, naming who made them.
  private readonly audit = new Logger('Audit');

  constructor(
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
    private readonly register: CachedAccountRegister,
  ) {}

  @Get()
  @ApiListAlarmAccounts()
  async list(): Promise<AlarmAccountView[]> {
    return (await this.dataSource.getRepository(AlarmAccountEntity).find({ order: { account: 'ASC' } })).map(toView);
  }

  /** Registers or replaces an account; the panel's next frame is judged by it. */
  @Put(':account')
  @ApiPutAlarmAccount()
  async put(
    @Req() request: AuthenticatedRequest,
    @Param('account') account: string,
    @Body(new ZodBodyPipe(alarmAccountInputSchema, 'alarm account')) input: AlarmAccountInput,
  ): Promise<AlarmAccountView> {
    const row: AlarmAccountEntity = {
      account: checkedAccount(account),
      partnerId: input.partnerId,
      site: input.site,
      address: input.address,
      zones: input.zones,
      users: input.users,
      keyHex: input.keyHex,
      testIntervalSeconds: input.testIntervalSeconds,
      updatedBy: request.principal.subject,
      updatedAt: new Date(),
    };
    await this.dataSource.getRepository(AlarmAccountEntity).save(row);
    this.register.invalidate(row.account);
    this.audit.log({ msg: 'alarm account saved', account: row.account, by: request.principal.subject, role: request.principal.role });
    return toView(row);
  }

  /** Removes an account: the panel's next frame is NAKed as from an unknown account. */
  @Delete(':account')
  @HttpCode(204)
  @ApiDeleteAlarmAccount()
  async remove(@Req() request: AuthenticatedRequest, @Param('account') account: string): Promise<void> {
    const id = checkedAccount(account);
    const { affected } = await this.dataSource.getRepository(AlarmAccountEntity).delete({ account: id });
    if (!affected) throw new NotFoundException(`no alarm account ${id}`);
    this.register.invalidate(id);
    this.audit.log({ msg: 'alarm account deleted', account: id, by: request.principal.subject, role: request.principal.role });
  }
}

function checkedAccount(account: string): string {
  if (!ACCOUNT_PATTERN.test(account)) throw new BadRequestException(`invalid alarm account: "${account}" is not 3-16 hex digits`);
  return account.toUpperCase();
}
