import { Controller, ExecutionContext, Get, Post, Type } from '@nestjs/common';
import { DiscoveryModule, Reflector } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AccessGuard } from '../../auth/access.guard';
import type { TokenService } from '../../auth/token.service';
import { DomainError } from '../errors/domain-error';
import { Public, Roles, SignedIn } from './access.decorators';
import { RouteAccessCheck } from './route-access.check';

@Controller('marked')
class MarkedController {
  @Get() @Public() open() {}
  @Get('me') @SignedIn() mine() {}
  @Post() @Roles('admin') admin() {}
}

@Controller('forgotten')
class ForgottenController {
  @Get() @Public() fine() {}
  @Post('oops') oops() {}
  helper() {}
}

@Controller('class-level')
@Roles('author')
class ClassLevelController {
  @Get() list() {}
}

async function boot(...controllers: Type[]) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [RouteAccessCheck],
  }).compile();
  return moduleRef.createNestApplication(new FastifyAdapter(), { logger: false }).init();
}

describe('RouteAccessCheck', () => {
  it('lets an app start when every route is marked (on the method or the class)', async () => {
    const app = await boot(MarkedController, ClassLevelController);
    await app.close();
  });

  it('refuses to start an app with an unmarked route, and names it', async () => {
    await expect(boot(MarkedController, ForgottenController)).rejects.toThrow(
      'Routes without @Public(), @SignedIn() or @Roles(): POST /forgotten/oops (ForgottenController.oops)',
    );
  });
});

describe('AccessGuard', () => {
  const tokens = {
    verifyAccess: jest.fn(async (t: string) => {
      if (t === 'teacher-token') return { sub: 'u1', roles: ['teacher'] };
      throw new DomainError('UNAUTHENTICATED');
    }),
  } as unknown as TokenService;
  const guard = new AccessGuard(new Reflector(), tokens);

  const ctx = (cls: Type, handler: string, authorization?: string) => {
    const req: Record<string, unknown> = { headers: authorization ? { authorization } : {} };
    return {
      context: {
        getHandler: () => (cls.prototype as Record<string, unknown>)[handler],
        getClass: () => cls,
        switchToHttp: () => ({ getRequest: () => req }),
      } as unknown as ExecutionContext,
      req,
    };
  };

  it('denies an unmarked route even to a signed-in caller (deny by default)', async () => {
    await expect(
      guard.canActivate(ctx(ForgottenController, 'oops', 'Bearer teacher-token').context),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets anyone through a public route without reading a token', async () => {
    await expect(guard.canActivate(ctx(MarkedController, 'open').context)).resolves.toBe(true);
  });

  it('needs a bearer token on signed-in routes and attaches the caller', async () => {
    await expect(guard.canActivate(ctx(MarkedController, 'mine').context)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const { context, req } = ctx(MarkedController, 'mine', 'Bearer teacher-token');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(req.user).toEqual({ id: 'u1', roles: ['teacher'] });
  });

  it('enforces roles, on the method or the class', async () => {
    await expect(
      guard.canActivate(ctx(MarkedController, 'admin', 'Bearer teacher-token').context),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      guard.canActivate(ctx(ClassLevelController, 'list', 'Bearer teacher-token').context),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
