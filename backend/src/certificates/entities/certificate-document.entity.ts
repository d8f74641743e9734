import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Certificate } from './certificate.entity';

/** What was issued, byte for byte: the PDF and the signed credential are never re-rendered. */
@Entity('certificate_documents')
export class CertificateDocument {
  @PrimaryColumn({ type: 'uuid' })
  certificateId!: string;

  @OneToOne(() => Certificate, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'certificate_id',
    foreignKeyConstraintName: 'certificate_documents_certificate_id_fkey',
  })
  certificate?: Certificate;

  @Column({ type: 'bytea' })
  pdf!: Buffer;

  @Column({ type: 'jsonb' })
  credential!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
