import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { AccountRecord, AccountRegister, SupervisedAccount } from '../alarms';
import { INGEST_SCHEMA } from '../ingest.schema';
import { AlarmAccountEntity } from './alarm-account.entity';

/** The DC-09 receiver's account register, kept in Postgres so every replica and restart sees the same. */
@Injectable()
export class PostgresAccountRegister implements AccountRegister {
  constructor(@InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource) {}

  async find(account: string): Promise<AccountRecord | undefined> {
    const row = await this.dataSource.getRepository(AlarmAccountEntity).findOneBy({ account: account.toUpperCase() });
    return row ? toRecord(row) : undefined;
  }

  async supervised(): Promise<SupervisedAccount[]> {
    const rows = await this.dataSource.getRepository(AlarmAccountEntity).findBy({ testIntervalSeconds: Not(IsNull()) });
    return rows.map((row) => ({ account: row.account, testIntervalSeconds: row.testIntervalSeconds! }));
  }
}

/** The receiver's view of a stored account. */
export function toRecord(row: AlarmAccountEntity): AccountRecord {
  return {
    account: row.account,
    partnerId: row.partnerId,
    site: row.site,
    address: row.address,
    zones: row.zones,
    users: row.users,
    ...(row.keyHex ? { key: Buffer.from(row.keyHex, 'hex') } : {}),
    ...(row.testIntervalSeconds ? { testIntervalSeconds: row.testIntervalSeconds } : {}),
  };
}
