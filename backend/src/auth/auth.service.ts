import { Injectable } from '@nestjs/common';
import type { AuthResult } from '@qadam/contracts';
import { DomainError } from '../common/errors/domain-error';
import { toProfile } from '../users/user-profile';
import { UsersService } from '../users/users.service';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Self-registration makes teachers only; staff roles are granted by an admin. */
  async register(dto: RegisterDto): Promise<AuthResult> {
    const subjects = dto.subjects ?? (dto.subject ? [dto.subject] : []);
    const user = await this.users.create({
      email: dto.email,
      passwordHash: await this.passwords.hash(dto.password),
      fullName: dto.fullName,
      roles: ['teacher'],
      iin: dto.iin ?? null,
      region: dto.region ?? null,
      schoolName: dto.school || null,
      schoolKind: dto.schoolKind ?? null,
      subjects,
      grades: dto.grades ?? [],
      language: dto.language ?? 'kk',
    });
    return { user: toProfile(user), ...(await this.tokens.issue(user)) };
  }

  async login(dto: LoginDto, ip: string): Promise<AuthResult> {
    await this.throttle.assertAllowed(dto.email, ip);
    const user = await this.users.findWithPasswordHash(dto.email);
    const ok = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!ok || !user) {
      await this.throttle.recordFailure(dto.email, ip);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    await this.throttle.recordSuccess(dto.email);
    return { user: toProfile(user), ...(await this.tokens.issue(user)) };
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const { user, tokens } = await this.tokens.rotate(refreshToken);
    return { user: toProfile(user), ...tokens };
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revokeByToken(refreshToken);
  }
}
