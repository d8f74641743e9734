import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Lang } from '@qadam/contracts';
import { resolveLang } from './lang';

/** The caller's language from Accept-Language (kk when none of kk, ru, en is asked for). */
export const ReaderLang = createParamDecorator((_: unknown, ctx: ExecutionContext): Lang =>
  resolveLang(
    ctx.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['accept-language'],
  ),
);
