import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change in an incident's life: who did what, when and why. Never updated, only added. */
@Entity({ name: 'timeline_entry' })
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  incidentId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  kind: string;

  @Column('text')
  actor: string;

  @Column('text', { nullable: true })
  reason?: string | null;

  /** The incident version the change produced (null for entries that changed nothing, such as a restore kept alone). */
  @Column('integer', { nullable: true })
  version?: number | null;

  @Column('jsonb')
  detail: Record<string, string | number | boolean | null | object>;
}
