import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AuditEntry, Page } from '@qadam/contracts';
import { AuditLog } from './entities/audit-log.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

export interface AuditRecord {
  /** null for the system (migrations, CLI). */
  actorId: string | null;
  /** `<target>.<verb>`, e.g. `user.roles.update`. */
  action: string;
  targetType: string;
  targetId: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  requestId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLog) private readonly repo: Repository<AuditLog>) {}

  /** Pass the transaction's manager so the record commits or rolls back with the change it describes. */
  async record(entry: AuditRecord, manager: EntityManager = this.repo.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorId,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.requestId ?? null,
      ],
    );
  }

  async list(q: AuditQueryDto): Promise<Page<AuditEntry>> {
    const qb = this.repo.createQueryBuilder('a').orderBy('a.id', 'DESC');
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.target_type = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :targetId', { targetId: q.targetId });
    if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    // Days as the institute lives them: Kazakhstan is on UTC+5 all year.
    const dayStart = (day: string) => new Date(`${day}T00:00:00+05:00`);
    if (q.from) qb.andWhere('a.created_at >= :from', { from: dayStart(q.from) });
    if (q.to) {
      const end = dayStart(q.to);
      end.setUTCDate(end.getUTCDate() + 1);
      qb.andWhere('a.created_at < :end', { end });
    }
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
