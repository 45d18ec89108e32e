import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LoanStatus } from '@vigil/contracts';

/** A deployment of a redeployable camera to a customer's place, as faults stores it. */
@Entity({ name: 'loan_deployment' })
export class LoanDeploymentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column('text')
  cameraId: string;

  @Column('text', { nullable: true })
  partnerId: string | null;

  @Column('text', { nullable: true })
  clientName: string | null;

  @Column('text')
  customerReference: string;

  @Column('text')
  customerName: string;

  @Column('text')
  address: string;

  @Column('text')
  need: string;

  @Column('uuid', { nullable: true })
  waitingEntryId: string | null;

  @Column('text')
  status: LoanStatus;

  @Column('timestamptz')
  requestedAt: Date;

  @Column('text')
  requestedBy: string;

  @Column('text', { nullable: true })
  piaApprovedBy: string | null;

  @Column('timestamptz', { nullable: true })
  piaApprovedAt: Date | null;

  @Column('text', { nullable: true })
  piaDocumentReference: string | null;

  @Column('text', { nullable: true })
  piaRecordedBy: string | null;

  @Column('timestamptz', { nullable: true })
  installedAt: Date | null;

  @Column('text', { nullable: true })
  installedBy: string | null;

  @Column('timestamptz', { nullable: true })
  reviewDueAt: Date | null;

  @Column('integer')
  reviewCount: number;

  @Column('timestamptz', { nullable: true })
  lastReviewedAt: Date | null;

  @Column('text', { nullable: true })
  lastReviewedBy: string | null;

  @Column('text', { nullable: true })
  lastReviewNotes: string | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('text', { nullable: true })
  closedBy: string | null;

  @Column('text', { nullable: true })
  closeReason: string | null;

  @Column('boolean')
  emergencyRemoval: boolean;

  /** 1 when requested, +1 per change; each loanChanged event carries the version it produced. */
  @Column('integer')
  version: number;

  @Column('timestamptz')
  updatedAt: Date;
}
