import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One check of a camera's equipment before a use; never changed, only added (the code of practice's record). */
@Entity({ name: 'loan_equipment_check' })
export class LoanEquipmentCheckEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  deploymentId: string;

  @Column('text')
  cameraId: string;

  @Column('text')
  checkedBy: string;

  @Column('timestamptz')
  checkedAt: Date;

  @Column('boolean')
  passed: boolean;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text')
  recordedBy: string;

  @Column('timestamptz')
  recordedAt: Date;
}
