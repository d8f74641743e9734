import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { TranslatableText } from '@qadam/contracts';
import { CourseVersion } from './course-version.entity';

/** A module of a published (frozen) version; written once, at publishing. */
@Entity('course_modules')
@Unique('course_modules_version_id_key_key', ['versionId', 'key'])
export class CourseModule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'course_modules_version_id_fkey' })
  version?: CourseVersion;

  @Column({ type: 'varchar', length: 80 })
  key!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'jsonb' })
  title!: TranslatableText;
}
