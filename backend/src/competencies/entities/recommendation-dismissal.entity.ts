import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A recommendation a teacher set aside: it is not shown to her again. */
@Entity('recommendation_dismissals')
export class RecommendationDismissal {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'recommendation_dismissals_user_id_fkey',
  })
  user?: User;

  /** `<rule>/<course>[/<lesson>]`, as the recommendation's id. */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  recommendationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  dismissedAt!: Date;
}
