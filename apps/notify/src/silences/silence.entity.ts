import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Matcher } from '../domain/routing/matcher';

/** One silence as created on the console, and what has been done about its end. */
@Entity({ name: 'silence' })
export class SilenceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('jsonb')
  matchers: Matcher[];

  @Column('timestamptz')
  startsAt: Date;

  /** Indexed (see the migration): the pipeline reads the silences not yet over on every flush. */
  @Column('timestamptz')
  endsAt: Date;

  @Column('text')
  createdBy: string;

  @Column('text')
  comment: string;

  @Column('timestamptz')
  createdAt: Date;

  @Column('text', { nullable: true })
  expiredBy: string | null;

  @Column('timestamptz', { nullable: true })
  expiredAt: Date | null;

  @Column('timestamptz', { nullable: true })
  remindedAt: Date | null;

  /** The end time whose release was done: the end timer tells what the silence held once per end time. */
  @Column('timestamptz', { nullable: true })
  releasedEndsAt: Date | null;
}
