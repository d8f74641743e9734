import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, AuthUser } from '../common/access/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { TokenService } from './token.service';

/**
 * The global guard. Deny by default: a route that states no access rule is refused (and the
 * route-access check stops the app from starting with one). Tokens are verified by signature
 * alone, with no database read.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) throw new DomainError('FORBIDDEN');
    const req = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, unknown>; user?: AuthUser }>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (rule.kind === 'public') {
      // Public routes that read differently for a signed-in caller (a course page for an
      // enrolled teacher) see them; a bad or expired token there just means anonymous.
      if (match) {
        const claims = await this.tokens.verifyAccess(match[1]).catch(() => null);
        if (claims) req.user = { id: claims.sub, roles: claims.roles };
      }
      return true;
    }
    if (!match)
      throw new DomainError('UNAUTHENTICATED', {}, undefined, { 'WWW-Authenticate': 'Bearer' });
    const claims = await this.tokens.verifyAccess(match[1]);
    req.user = { id: claims.sub, roles: claims.roles };

    if (rule.kind === 'roles' && !rule.roles.some((r) => claims.roles.includes(r))) {
      throw new DomainError('FORBIDDEN');
    }
    return true;
  }
}
