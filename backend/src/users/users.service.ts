import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { GradeBand, Lang, Role, SchoolKind } from '@qadam/contracts';
import { DomainError } from '../common/errors/domain-error';
import { violatedUniqueConstraint } from '../database/pg-errors';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { User } from './entities/user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  fullName: string;
  roles: Role[];
  iin?: string | null;
  region?: string | null;
  schoolName?: string | null;
  schoolKind?: SchoolKind | null;
  subjects?: string[];
  grades?: GradeBand[];
  language?: Lang;
}

/** Translates the two unique constraints of `users` into what a teacher can act on. */
function rethrowUnique(e: unknown): never {
  const constraint = violatedUniqueConstraint(e);
  if (constraint === 'users_email_key') throw new DomainError('EMAIL_TAKEN');
  if (constraint === 'users_iin_key') throw new DomainError('IIN_TAKEN');
  throw e;
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** Uniqueness is left to the database (race-free), then reported as EMAIL_TAKEN / IIN_TAKEN. */
  async create(input: NewUser, manager: EntityManager = this.users.manager): Promise<User> {
    try {
      const result = await manager.insert(User, input);
      return await manager.findOneByOrFail(User, { id: result.identifiers[0].id as string });
    } catch (e) {
      rethrowUnique(e);
    }
  }

  async findById(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainError('NOT_FOUND');
    return user;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  /** The only read that loads the password hash (for sign-in), with the rest of the account. */
  async findWithPasswordHash(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  async updateProfile(id: string, dto: UpdateProfileDto): Promise<User> {
    const patch: Partial<User> = {};
    if (dto.fullName !== undefined) patch.fullName = dto.fullName;
    if (dto.iin !== undefined) patch.iin = dto.iin;
    if (dto.region !== undefined) patch.region = dto.region;
    if (dto.school !== undefined) patch.schoolName = dto.school || null;
    if (dto.schoolKind !== undefined) patch.schoolKind = dto.schoolKind;
    if (dto.subjects !== undefined) patch.subjects = dto.subjects;
    if (dto.grades !== undefined) patch.grades = dto.grades;
    if (dto.language !== undefined) patch.language = dto.language;
    if (Object.keys(patch).length) {
      try {
        const r = await this.users.update({ id }, patch);
        if (!r.affected) throw new DomainError('NOT_FOUND');
      } catch (e) {
        rethrowUnique(e);
      }
    }
    return this.findById(id);
  }
}
