import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Course } from '../../courses/entities/course.entity';
import { User } from '../../users/entities/user.entity';

/** An admin's leave for one teacher to enrol in one course without the rung below (audited). */
@Entity('ladder_exceptions')
@Unique('ladder_exceptions_user_id_course_id_key', ['userId', 'courseId'])
export class LadderException {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'ladder_exceptions_user_id_fkey' })
  user?: User;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'ladder_exceptions_course_id_fkey' })
  course?: Course;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  grantedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
