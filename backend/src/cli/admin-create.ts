import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CoreModule } from '../core.module';
import { AdminAccountsService } from '../auth/admin-accounts.service';
import { DomainError } from '../common/errors/domain-error';
import { localiseDetails } from '../common/errors/api-exception.filter';
import type { Env } from '../config/env';

/** Only what account admin needs: no HTTP, no queue workers. */
@Module({ imports: [CoreModule, AuthModule] })
class AdminCreateModule {}

const USAGE = `Usage: npm run admin:create -- --email <email> [--name "<full name>"]
The password is read from QADAM_ADMIN_PASSWORD, or else from the first line of standard input.
An existing account is granted the admin role; its password is left unchanged.`;

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.email) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const app = await NestFactory.createApplicationContext(AdminCreateModule, { logger: ['error'] });
  try {
    const accounts = app.get(AdminAccountsService);
    const fullName = values.name ?? values.email;
    const password = (await accounts.exists(values.email))
      ? undefined
      : (app
          .get<ConfigService<Env, true>>(ConfigService)
          .get('QADAM_ADMIN_PASSWORD', { infer: true }) ?? (await readStdinLine()));
    const result = await accounts.ensureAdmin({ email: values.email, fullName, password });
    console.log(
      result.created ? `Created admin ${result.user.email}.` : `${result.user.email} is an admin.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DomainError && e.details) {
      console.error(
        localiseDetails(e.details, 'en')
          .map((d) => `${d.field}: ${d.problem}`)
          .join('\n'),
      );
      return 1;
    }
    throw e;
  } finally {
    await app.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
