import { AccountKeys } from './dc09/frame-parser';

/** What the control room knows about one alarm account (one panel at one site). */
export interface AccountRecord extends AccountKeys {
  account: string;
  partnerId: string;
  site: string;
  address: string;
  /** Zone number (as a decimal string, no leading zeros) to the name the installer gave it. */
  zones: Record<string, string>;
  /** User number (same form) to the key-holder's name. */
  users: Record<string, string>;
  /** AES key; when set, the account must send encrypted messages. */
  key?: Buffer;
  /** How often the panel promises a test report or link test; absent when it is not supervised. */
  testIntervalSeconds?: number;
}

/** An account the receiver expects to hear from at a fixed interval. */
export interface SupervisedAccount {
  account: string;
  testIntervalSeconds: number;
}

/** The receiver's view of the account register; the ingest app backs it with Postgres. */
export interface AccountRegister {
  /** The account, or undefined when it is not registered. A rejection means the register is unavailable. */
  find(account: string): Promise<AccountRecord | undefined>;
  /** Every account with a test interval. */
  supervised(): Promise<SupervisedAccount[]>;
}

/** An account register held in memory, for tests and local runs. */
export class InMemoryAccountRegister implements AccountRegister {
  private readonly records = new Map<string, AccountRecord>();

  constructor(records: AccountRecord[] = []) {
    records.forEach((record) => this.put(record));
  }

  /** Adds or replaces an account. */
  put(record: AccountRecord): void {
    this.records.set(record.account, record);
  }

  async find(account: string): Promise<AccountRecord | undefined> {
    return this.records.get(account);
  }

  async supervised(): Promise<SupervisedAccount[]> {
    return [...this.records.values()].flatMap(({ account, testIntervalSeconds }) =>
      testIntervalSeconds ? [{ account, testIntervalSeconds }] : [],
    );
  }
}
