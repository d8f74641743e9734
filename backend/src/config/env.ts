import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { Transform } from 'class-transformer';

/** Local-only secret: accepted in development and test, refused in production. */
const DEV_ACCESS_SECRET = 'local-development-only-access-secret-change-me';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * The one description of the process environment. Every default is a local one, so a
 * fresh clone runs with no .env; production must set the secrets (see `validateEnv`).
 */
export class Env {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres:postgres@127.0.0.1:5432/qadam';

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 20;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Namespaces every Redis key (queues, throttling) so several deployments or test runs can share a server. */
  @Matches(/^[a-z0-9][a-z0-9_-]{0,40}$/, {
    message: 'must be 1-41 lower-case letters, digits, - or _',
  })
  REDIS_KEY_PREFIX: string = 'qadam';

  @IsString()
  HOST: string = '0.0.0.0';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Where users reach Qadam; used in links (certificate verification, e-mails). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL: string = 'http://localhost:3000';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_ACCESS_SECRET: string = DEV_ACCESS_SECRET;

  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** Failed sign-ins per account within the window before it is throttled. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 10;

  /** Generous: a whole school signs in from one NAT address on an exam day. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP: number = 200;

  @IsInt()
  @Min(10)
  LOGIN_THROTTLE_WINDOW_SECONDS: number = 900;

  /** Take the client address from X-Forwarded-For; only behind a reverse proxy you run. */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  /** How often the server closes attempts whose deadline has passed (and grades them). */
  @IsInt()
  @Min(1)
  @Max(300)
  ATTEMPT_SWEEP_SECONDS: number = 5;

  /**
   * The issuer's Ed25519 signing key for credentials: a multibase secret key (`z…`, 0x8026
   * multicodec) or a PKCS#8 PEM. Or CERT_SIGNING_KEY_FILE: a file holding either. Production
   * refuses to start without one; elsewhere a key is generated once into CERT_DEV_KEY_FILE.
   */
  @IsOptional()
  @IsString()
  CERT_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  CERT_SIGNING_KEY_FILE?: string;

  /** Git-ignored; only used outside production when no key is configured. */
  @IsString()
  CERT_DEV_KEY_FILE: string = '.data/dev-issuer-key.txt';

  /** `web`: did:web of PUBLIC_URL's host (its DID document at /.well-known/did.json); `key`: did:key. */
  @IsOptional()
  @IsIn(['web', 'key'])
  CERT_ISSUER_DID_METHOD?: 'web' | 'key';

  /** The built web app the API serves at / (`ng build` output); default: dist/frontend/browser. */
  @IsOptional()
  @IsString()
  WEB_APP_DIR?: string;

  /** Where the certificate templates and issuer.json live; default: certificates/templates. */
  @IsOptional()
  @IsString()
  CERT_TEMPLATES_DIR?: string;

  /** Certificate jobs one worker process runs at a time (rendering is CPU-bound: keep it small). */
  @IsInt()
  @Min(1)
  @Max(64)
  CERT_WORKER_CONCURRENCY: number = 4;

  /** Tries per certificate before it is parked as `failed` for an admin to retry. */
  @IsInt()
  @Min(1)
  @Max(20)
  CERT_JOB_ATTEMPTS: number = 5;

  /** Milliseconds between the outbox dispatcher's polls. */
  @IsInt()
  @Min(20)
  @Max(60000)
  OUTBOX_POLL_MS: number = 250;

  /** Minutes between refreshes of the monitoring aggregates (an annulment refreshes at once). */
  @IsInt()
  @Min(1)
  @Max(1440)
  AGGREGATES_REFRESH_MINUTES: number = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Read only by `npm run admin:create` when stdin is not used. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  QADAM_ADMIN_PASSWORD?: string;
}

export class InvalidEnvironmentError extends Error {
  override name = 'InvalidEnvironmentError';
}

/**
 * Validates raw variables into `Env`, or throws one error naming every bad variable.
 * Values are never echoed: some are secrets.
 */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, stripEmpty(raw), {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const problems = validateSync(env, { whitelist: false }).map(
    (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production' && env.JWT_ACCESS_SECRET === DEV_ACCESS_SECRET) {
    problems.push('  JWT_ACCESS_SECRET: must be set to a private value in production');
  }
  if (env.NODE_ENV === 'production' && !env.CERT_SIGNING_KEY && !env.CERT_SIGNING_KEY_FILE) {
    problems.push(
      '  CERT_SIGNING_KEY: production needs the issuer signing key (or CERT_SIGNING_KEY_FILE)',
    );
  }
  if (problems.length) {
    throw new InvalidEnvironmentError(
      `Invalid configuration (see .env.example):\n${problems.join('\n')}`,
    );
  }
  return env;
}

/** Empty strings mean "unset", so `PORT=` falls back to the default instead of failing as NaN. */
function stripEmpty(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== undefined));
}

/**
 * The environment for code that runs outside Nest (migrations, CLI): `.env` in the working
 * directory if present, overridden by real variables, validated by the same schema.
 */
export function loadEnv(): Env {
  const fromFile = existsSync('.env') ? parseEnv(readFileSync('.env', 'utf8')) : {};
  return validateEnv({ ...fromFile, ...process.env });
}
