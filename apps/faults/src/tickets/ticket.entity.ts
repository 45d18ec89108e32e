import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EngineerReport, FaultSeverity, FaultSymptom, TicketStatus } from '@vigil/contracts';

/** A contractor's ticket as faults stores it, its two SLA clocks in columns so the board sorts and filters on them. */
@Entity({ name: 'ticket' })
export class TicketEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** What the engineer reads out on the phone: FLT-2026-000123. */
  @Column('text', { unique: true })
  reference: string;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text', { nullable: true })
  clientName: string | null;

  @Column('text', { nullable: true })
  town: string | null;

  @Column('text')
  scope: 'camera' | 'site' | 'network';

  @Column('text', { nullable: true })
  siteId: string | null;

  @Column('text')
  symptom: FaultSymptom;

  @Column('text')
  severity: FaultSeverity;

  @Column('text')
  severityReason: string;

  @Column('text')
  origin: 'person' | 'health-watchdog';

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  status: TicketStatus;

  @Column('text')
  reportedBy: string;

  @Column('timestamptz')
  reportedAt: Date;

  /** The reporter's own key for the report: the same key twice is one report. */
  @Column('text', { nullable: true })
  clientReference: string | null;

  @Column('text')
  contract: string;

  @Column('timestamptz')
  responseStartedAt: Date;

  @Column('bigint')
  responseDurationMs: string;

  @Column('timestamptz')
  responseDueAt: Date;

  @Column('timestamptz')
  responseWarnAt: Date;

  @Column('timestamptz', { nullable: true })
  responseMetAt: Date | null;

  @Column('boolean')
  responseWarned: boolean;

  @Column('boolean')
  responseBreached: boolean;

  @Column('timestamptz')
  fixStartedAt: Date;

  @Column('bigint')
  fixDurationMs: string;

  @Column('timestamptz')
  fixDueAt: Date;

  @Column('timestamptz')
  fixWarnAt: Date;

  @Column('timestamptz', { nullable: true })
  fixMetAt: Date | null;

  @Column('boolean')
  fixWarned: boolean;

  @Column('boolean')
  fixBreached: boolean;

  @Column('jsonb', { nullable: true })
  engineerReport: EngineerReport | null;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  @Column('integer')
  reopenCount: number;

  /** 1 when opened, +1 with every change; each event about the ticket carries the version it produced. */
  @Column('integer')
  version: number;

  @Column('timestamptz')
  updatedAt: Date;
}
