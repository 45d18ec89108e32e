import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One alarm panel the control room monitors: which partner and site it belongs to, and how it talks. */
@Entity({ name: 'alarm_account' })
export class AlarmAccountEntity {
  /** The DC-09 account number the panel sends (3-16 hex digits). */
  @PrimaryColumn('text')
  account: string;

  @Column('text')
  partnerId: string;

  @Column('text')
  site: string;

  @Column('text')
  address: string;

  @Column('jsonb')
  zones: Record<string, string>;

  @Column('jsonb')
  users: Record<string, string>;

  /** The AES key in hex; null for a panel that sends in plain text. */
  @Column('text', { nullable: true })
  keyHex: string | null;

  @Column('integer', { nullable: true })
  testIntervalSeconds: number | null;

  @Column('text')
  updatedBy: string;

  @Column('timestamptz')
  updatedAt: Date;
}
