import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { GradeBand, Lang, Role, SchoolKind } from '@qadam/contracts';

export const SCHOOL_KINDS: readonly SchoolKind[] = ['urban', 'rural', 'small_ungraded'];
export const GRADE_BANDS: readonly GradeBand[] = ['primary', 'secondary'];
export const ROLES: readonly Role[] = ['teacher', 'author', 'admin', 'assessor'];

@Entity('users')
@Check('users_language_check', `"language" IN ('kk', 'ru', 'en')`)
@Check('users_school_kind_check', `"school_kind" IN ('urban', 'rural', 'small_ungraded')`)
@Check('users_roles_check', `"roles" <@ ARRAY['teacher', 'author', 'admin', 'assessor']::text[]`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased and trimmed, so uniqueness is case-insensitive. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  /** One account per person: NULLs do not collide under a unique index. */
  @Index('users_iin_key', { unique: true })
  @Column({ type: 'char', length: 12, nullable: true })
  iin!: string | null;

  @Index('users_region_idx')
  @Column({ type: 'varchar', length: 40, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  schoolName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  schoolKind!: SchoolKind | null;

  @Column({ type: 'text', array: true, default: '{}' })
  subjects!: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  grades!: GradeBand[];

  @Column({ type: 'varchar', length: 2, default: 'kk' })
  language!: Lang;

  @Column({ type: 'text', array: true, default: '{teacher}' })
  roles!: Role[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
