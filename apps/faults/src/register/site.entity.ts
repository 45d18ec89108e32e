import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cabinet, recorder or building cameras hang off: the unit a site outage is grouped by. */
@Entity({ name: 'site' })
export class SiteEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text', { nullable: true })
  clientName: string | null;

  @Column('text')
  town: string;

  @Column('timestamptz')
  createdAt: Date;
}
