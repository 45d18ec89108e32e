import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether a Town Link / Pub Link radio is stunned (disabled over the air, e.g. when stolen), and who said so. */
@Entity({ name: 'radio_state' })
export class RadioStateEntity {
  @PrimaryColumn('text')
  scheme: string;

  @PrimaryColumn('text')
  radioId: string;

  @Column('text', { nullable: true })
  memberId: string | null;

  @Column('text')
  state: 'stunned' | 're-enabled';

  @Column('timestamptz')
  changedAt: Date;

  @Column('text', { nullable: true })
  changedBy: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text')
  gatewayId: string;
}
