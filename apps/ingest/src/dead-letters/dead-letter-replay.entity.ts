import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One replay of a dead letter: who sent it back onto the bus, when, and as which message. */
@Entity({ name: 'dead_letter_replay' })
export class DeadLetterReplayEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text')
  deadLetterId: string;

  @Column('text')
  replayedBy: string;

  @Column('text')
  replayedByRole: string;

  @Column('timestamptz', { default: () => 'now()' })
  replayedAt: Date;

  @Column('text')
  subject: string;

  /** The new `Nats-Msg-Id`, so the stream's duplicate window does not drop the replay. */
  @Column('text')
  messageId: string;
}
