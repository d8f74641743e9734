import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { Page, Role, UserProfile } from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { normaliseEmail } from '../users/email';
import { toProfile } from '../users/user-profile';
import { UsersService } from '../users/users.service';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UserQueryDto } from './dto/admin-users.dto';

export interface Actor {
  id: string | null;
  requestId?: string | null;
}

@Injectable()
export class AdminAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async list(q: UserQueryDto): Promise<Page<UserProfile>> {
    const qb = this.db.getRepository(User).createQueryBuilder('u').orderBy('u.created_at', 'DESC');
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.email ILIKE :like', { like }).orWhere('u.full_name ILIKE :like', { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toProfile), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<UserProfile> {
    return toProfile(await this.users.findById(id));
  }

  /**
   * Replaces a user's roles, audited, in one transaction. Their sessions are ended so the new
   * roles are in force at once rather than when the access token expires.
   */
  async setRoles(actor: Actor, userId: string, roles: Role[]): Promise<UserProfile> {
    if (actor.id === userId && !roles.includes('admin'))
      throw new DomainError('CANNOT_REMOVE_OWN_ADMIN');
    await this.db.transaction(async (m) => {
      const user = await m.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new DomainError('NOT_FOUND');
      const before = [...user.roles].sort();
      const after = [...roles].sort();
      if (before.join() === after.join()) return;
      await m.update(User, { id: userId }, { roles: after });
      await this.tokens.revokeAllForUser(userId, m);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.roles.update',
          targetType: 'user',
          targetId: userId,
          before: { roles: before },
          after: { roles: after },
          requestId: actor.requestId,
        },
        m,
      );
    });
    return this.get(userId);
  }

  async exists(email: string): Promise<boolean> {
    return (await this.users.findByEmail(normaliseEmail(email))) !== null;
  }

  /**
   * `npm run admin:create`: makes an admin account, or grants admin to an existing one (its
   * password is then left as it is). The password policy applies as for everyone.
   */
  async ensureAdmin(input: {
    email: string;
    fullName: string;
    password?: string;
  }): Promise<{ created: boolean; user: UserProfile }> {
    const email = normaliseEmail(input.email);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (!existing.roles.includes('admin')) {
        await this.setRoles({ id: null }, existing.id, [...existing.roles, 'admin']);
      }
      return { created: false, user: await this.get(existing.id) };
    }
    const password = input.password ?? '';
    const problem = checkPassword(password, { email, fullName: input.fullName });
    if (problem) {
      throw DomainError.invalid('password', `password.${problem}`, {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      });
    }
    const user = await this.db.transaction(async (m) => {
      const created = await this.users.create(
        {
          email,
          fullName: input.fullName,
          passwordHash: await this.passwords.hash(password),
          roles: ['admin'],
        },
        m,
      );
      await this.audit.record(
        {
          actorId: null,
          action: 'user.admin.create',
          targetType: 'user',
          targetId: created.id,
          after: { email, roles: ['admin'] },
        },
        m,
      );
      return created;
    });
    return { created: true, user: toProfile(user) };
  }
}
