import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AuthResult, RegisterRequest } from '@qadam/contracts';
import { AdminAccountsService } from '../../src/auth/admin-accounts.service';
import { makeIin } from '../../src/users/iin';
import { http } from './app';

let counter = 0;

/** Unique per call and per run, so tests never collide on the unique e-mail and IIN. */
export function uniqueEmail(prefix = 'teacher'): string {
  counter += 1;
  return `${prefix}.${counter}.${randomBytes(3).toString('hex')}@mektep.kz`;
}

export function uniqueIin(): string {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return makeIin(
    `${year}-${month}-${day}`,
    Math.random() < 0.5 ? 'male' : 'female',
    Math.floor(Math.random() * 10000),
  );
}

export const GOOD_PASSWORD = 'Алма ағашы гүлдеді 2026';

export function teacherInput(overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    fullName: 'Нұрланова Айгүл Серікқызы',
    iin: uniqueIin(),
    region: 'turkistan',
    school: '№12 жалпы білім беретін мектеп',
    schoolKind: 'rural',
    subjects: ['informatics'],
    grades: ['secondary'],
    language: 'kk',
    ...overrides,
  };
}

/** Registers through the API, as a teacher would. */
export async function createTeacher(
  app: NestFastifyApplication,
  overrides: Partial<RegisterRequest> = {},
): Promise<AuthResult & { password: string }> {
  const input = teacherInput(overrides);
  const res = await http(app).post('/api/auth/register', input);
  if (res.status !== 201)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body as AuthResult), password: input.password };
}

/** Admins are made by the CLI's service, never by registration. */
export async function createAdmin(
  app: NestFastifyApplication,
): Promise<AuthResult & { password: string }> {
  const email = uniqueEmail('admin');
  await app
    .get(AdminAccountsService)
    .ensureAdmin({ email, fullName: 'Әкімші Тест', password: GOOD_PASSWORD });
  const res = await http(app).post('/api/auth/login', { email, password: GOOD_PASSWORD });
  if (res.status !== 200)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body as AuthResult), password: GOOD_PASSWORD };
}
