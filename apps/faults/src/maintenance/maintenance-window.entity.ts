import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Planned maintenance over a camera, a site or an owner's cameras: the SLA clocks of the tickets it covers stop while it lasts. */
@Entity({ name: 'maintenance_window' })
export class MaintenanceWindowEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  scope: 'camera' | 'site' | 'owner';

  @Column('text')
  target: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('text')
  reason: string;

  @Column('text')
  createdBy: string;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('text', { nullable: true })
  cancelledBy: string | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;

  @Column('integer')
  version: number;
}
