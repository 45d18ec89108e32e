import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of the routing rules, as it was submitted (durations as written), with who made it and why. */
@Entity({ name: 'routing_version' })
export class RoutingVersionEntity {
  @PrimaryColumn('integer')
  version: number;

  /** The config as submitted, not as parsed: what is read back can be edited and sent again. */
  @Column('jsonb')
  config: Record<string, string | number | boolean | null | object>;

  @Column('text')
  changedBy: string;

  @Column('timestamptz')
  changedAt: Date;

  @Column('text')
  comment: string;
}
