import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Role } from '@qadam/contracts';
import type { Env } from '../config/env';
import { DomainError } from '../common/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { RefreshToken } from './entities/refresh-token.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** What an access token carries: enough to authorise without reading the database. */
export interface AccessClaims {
  sub: string;
  roles: Role[];
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class TokenService {
  private readonly verified = new LRUCache<string, { claims: AccessClaims; expiresAt: number }>({
    max: 50_000,
  });

  private readonly accessTtl: number;
  private readonly refreshTtlMs: number;

  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<Env, true>,
  ) {
    this.accessTtl = config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    this.refreshTtlMs = config.get('REFRESH_TOKEN_TTL_DAYS', { infer: true }) * 86_400_000;
  }

  /** A new access token and a refresh token; a new family unless one is given (rotation). */
  async issue(
    user: { id: string; roles: Role[] },
    familyId: string = randomUUID(),
    manager: EntityManager = this.db.manager,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.refreshTtlMs),
    });
    const claims: AccessClaims = { sub: user.id, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, expiresIn: this.accessTtl };
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    // A teacher in a test sends the same token with every autosave: verify it once, then keep
    // its claims until it expires. Any other string (a tampered token) misses and is verified.
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.claims;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp: number }>(token, {
        algorithms: ['HS256'],
      });
      this.verified.set(token, {
        claims: { sub: claims.sub, roles: claims.roles },
        expiresAt: claims.exp * 1000,
      });
      return claims;
    } catch {
      throw new DomainError('UNAUTHENTICATED', {}, undefined, { 'WWW-Authenticate': 'Bearer' });
    }
  }

  /**
   * Spends a refresh token and issues the next one in its family. A token that was already
   * spent (or revoked) means it leaked, or an attacker raced its owner: the whole family is
   * revoked and everyone holding it must sign in again.
   */
  async rotate(refreshToken: string): Promise<{ user: User; tokens: TokenPair }> {
    const tokenHash = sha256(refreshToken);
    const rotated = await this.db.transaction(async (m) => {
      const spent = await m
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: () => 'now()' })
        .where(
          'token_hash = :tokenHash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()',
          {
            tokenHash,
          },
        )
        .returning('user_id, family_id')
        .execute();
      const row = (spent.raw as { user_id: string; family_id: string }[])[0];
      if (!row) return null;
      // The user is re-read so a role change by an admin reaches the next access token.
      const user = await m.findOneBy(User, { id: row.user_id });
      if (!user) return null;
      return { user, tokens: await this.issue(user, row.family_id, m) };
    });
    if (rotated) return rotated;

    // Not spendable: unknown, expired, or a replay. Only a replay revokes.
    const known = await this.db.manager.findOneBy(RefreshToken, { tokenHash });
    if (known && (known.usedAt || known.revokedAt)) {
      await this.revokeFamily(known.familyId);
      throw new DomainError('REFRESH_TOKEN_REUSED');
    }
    throw new DomainError('INVALID_REFRESH_TOKEN');
  }

  /** Sign-out: the presented token's family stops working. Unknown tokens are ignored. */
  async revokeByToken(refreshToken: string): Promise<void> {
    const known = await this.db.manager.findOneBy(RefreshToken, {
      tokenHash: sha256(refreshToken),
    });
    if (known) await this.revokeFamily(known.familyId);
  }

  async revokeAllForUser(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.update(
      RefreshToken,
      { userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.db.manager.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }
}
