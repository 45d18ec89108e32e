import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallSource, IncidentOutcome, IncidentPlacement, Monitoring, Thrive } from '@vigil/contracts';

/** An incident as triage stores it. */
@Entity({ name: 'incident' })
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** What operators read out on the radio: VIG-2026-000123. */
  @Column('text', { unique: true })
  reference: string;

  @Column('text')
  category: string;

  @Column('text', { nullable: true })
  subcategory: string | null;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text', { nullable: true })
  town: string | null;

  @Column('text')
  callSource: CallSource;

  @Column('smallint')
  grade: number;

  @Column('text')
  status: 'open' | 'acknowledged' | 'in-progress' | 'closed';

  @Column('text')
  summary: string;

  @Column('timestamptz')
  receivedAt: Date;

  @Column('timestamptz')
  openedAt: Date;

  @Column('jsonb')
  triageReasons: string[];

  /** 1 when opened, +1 with every change; each event about the incident carries the version it produced. */
  @Column('integer')
  version: number;

  @Column('text')
  placement: IncidentPlacement;

  @Column('text', { nullable: true })
  clientName: string | null;

  @Column('text', { nullable: true })
  assignee: string | null;

  @Column('text', { nullable: true })
  policeReference: string | null;

  @Column('jsonb')
  cameras: string[];

  @Column('jsonb', { nullable: true })
  thrive: Thrive | null;

  @Column('jsonb')
  monitoring: Monitoring[];

  @Column('jsonb', { nullable: true })
  outcome: IncidentOutcome | null;

  @Column('integer')
  callCount: number;

  @Column('timestamptz')
  lastCallAt: Date;

  @Column('timestamptz', { nullable: true })
  respondBy: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('uuid', { nullable: true })
  mergedInto: string | null;

  @Column('timestamptz')
  updatedAt: Date;
}
