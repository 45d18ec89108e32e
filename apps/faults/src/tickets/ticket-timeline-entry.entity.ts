import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step in a ticket's life: who did what, when and why. Never updated, only added: the engineer's fault history. */
@Entity({ name: 'ticket_timeline' })
export class TicketTimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  ticketId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  kind: string;

  @Column('text')
  actor: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('integer', { nullable: true })
  version: number | null;

  @Column('jsonb')
  detail: Record<string, string | number | boolean | null | object>;
}
