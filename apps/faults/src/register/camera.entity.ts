import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CameraStatus, CameraType } from '@vigil/contracts';

/** A camera as the register stores it. */
@Entity({ name: 'camera' })
export class CameraEntity {
  @PrimaryColumn('text')
  cameraId: string;

  @Column('text')
  number: string;

  @Column('text')
  location: string;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text', { nullable: true })
  clientName: string | null;

  @Column('text')
  town: string;

  @Column('text')
  siteId: string;

  @Column('text', { nullable: true })
  networkSegment: string | null;

  @Column('double precision')
  lat: number;

  @Column('double precision')
  lon: number;

  @Column('text')
  type: CameraType;

  @Column('text')
  monitoring: 'pro-active' | 'reactive';

  @Column('smallint')
  retentionDays: number;

  /** Derived from the facts below and the camera's faults and maintenance (domain/camera-status.ts); stored for lists and filters. */
  @Column('text')
  status: CameraStatus;

  /** Withdrawn from public view by the control room for a reason other than a fault. */
  @Column('boolean')
  withdrawn: boolean;

  @Column('boolean')
  decommissioned: boolean;

  /** 1 when registered, +1 per change; each cameraChanged event carries the version it produced. */
  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
