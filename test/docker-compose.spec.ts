// Static checks of the container files (no Docker engine needed): docker-compose.yml and the
// API's Dockerfile keep the properties the deployment relies on.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..');
const COMPOSE_FILE = resolve(__dirname, '../docker-compose.yml');

type Service = {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  ports?: Array<string | number | { host_ip?: string; published?: string | number }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
};

const compose = parse(readFileSync(COMPOSE_FILE, 'utf8')) as { services?: Record<string, Service> };
const services = compose.services ?? {};

/** `environment` as a map, whether written as a map or as a list of KEY=VALUE. */
function envOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => {
        const i = line.indexOf('=');
        return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

/** The host address each published port binds ('' when it binds every interface). */
function hostIps(service: Service): string[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return port.host_ip ?? '';
    // [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; only the three-part form names an address.
    const parts = String(port).split(':');
    return parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  });
}

/** The Dockerfile's instructions (continuation lines joined, comments dropped), per stage. */
function dockerfileStages(text: string): string[][] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push([]);
    stages[stages.length - 1]?.push(line);
  }
  return stages;
}

describe('docker-compose.yml', () => {
  it('defines the postgres, redis and api services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'api']));
  });

  it('uses PostgreSQL 16 and Redis 7', () => {
    expect(services.postgres?.image).toMatch(/^postgres:16/);
    expect(services.redis?.image).toMatch(/^redis:7/);
  });

  it('turns Redis append-only persistence on (queued jobs survive a restart)', () => {
    const command = services.redis?.command;
    const text = Array.isArray(command) ? command.join(' ') : String(command ?? '');
    expect(text).toMatch(/^redis-server\b/);
    expect(text).toMatch(/--appendonly\s+yes\b/);
  });

  it.each(['postgres', 'redis', 'api'])('gives %s a healthcheck with a test', (name) => {
    const healthcheck = services[name]?.healthcheck;
    expect(healthcheck?.disable).not.toBe(true);
    const test = healthcheck?.test;
    expect(Array.isArray(test) ? test.length : String(test ?? '').trim().length).toBeGreaterThan(0);
  });

  it('starts the api only once postgres and redis are healthy', () => {
    const dependsOn = services.api?.depends_on;
    expect(Array.isArray(dependsOn)).toBe(false);
    const conditions = dependsOn as Record<string, { condition?: string }> | undefined;
    expect(conditions?.postgres?.condition).toBe('service_healthy');
    expect(conditions?.redis?.condition).toBe('service_healthy');
  });

  it('builds the api from backend/Dockerfile with the repository root as context', () => {
    const build = services.api?.build;
    expect(build).toBeDefined();
    const { context = '.', dockerfile = 'Dockerfile' } =
      typeof build === 'string' ? { context: build } : (build ?? {});
    expect(resolve(ROOT, context)).toBe(ROOT);
    const file = resolve(ROOT, context, dockerfile);
    expect(file).toBe(resolve(ROOT, 'backend/Dockerfile'));
    expect(existsSync(file)).toBe(true);
  });

  it('points the api at the compose postgres and redis services', () => {
    const env = envOf(services.api ?? {});
    expect(env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
    expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
    expect(env.REDIS_URL).toMatch(/^rediss?:\/\//);
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
  });

  it('keeps the access-token secret out of the repository', () => {
    const env = envOf(services.api ?? {});
    // Only a required-variable reference: compose refuses to start when it is unset.
    expect(env.JWT_ACCESS_SECRET).toMatch(/^\$\{JWT_ACCESS_SECRET:\?[^}]*\}$/);
  });

  it.each(['postgres', 'redis'])('publishes %s on 127.0.0.1 only', (name) => {
    const ips = hostIps(services[name] ?? {});
    // `npm start` falls back to these ports on 127.0.0.1, so they must be published.
    expect(ips.length).toBeGreaterThan(0);
    for (const ip of ips) expect(ip).toBe('127.0.0.1');
  });
});

describe('docker-compose.yml: the certificate worker', () => {
  const worker = services.worker as
    (Service & { command?: string[]; secrets?: string[] }) | undefined;

  it('runs the worker from the API image with its own command', () => {
    expect(worker?.build).toEqual(services.api?.build);
    expect(worker?.command).toEqual([
      'node',
      '--max-semi-space-size=64',
      'dist/certificates/src/main.js',
    ]);
  });

  it('gives the worker and the API the signing key as a secret file, never inline', () => {
    for (const s of [worker, services.api]) {
      const env = envOf(s ?? {});
      expect(env.CERT_SIGNING_KEY_FILE).toBe('/run/secrets/issuer-key');
      expect(env.CERT_SIGNING_KEY).toBeUndefined();
      expect((s as { secrets?: string[] } | undefined)?.secrets).toContain('issuer-key');
    }
  });
});

describe('docker-compose.yml: the web app', () => {
  const web = services.web;
  const nginx = readFileSync(resolve(ROOT, 'frontend/nginx.conf'), 'utf8');

  it('builds the web service from frontend/Dockerfile and starts it once the API is healthy', () => {
    expect(web?.build).toEqual({ context: '.', dockerfile: 'frontend/Dockerfile' });
    expect(web?.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(web?.ports).toContain('8080:80');
  });

  it("proxies the API's paths to the api service and sends every other page to index.html", () => {
    const proxy =
      /location ~ \^\/\(api\|verify\|\\\.well-known\)\(\/\|\$\) \{[^}]*proxy_pass http:\/\/api:3000;/;
    expect(nginx).toMatch(proxy);
    expect(nginx).toMatch(/location \/ \{[^}]*try_files \$uri \/index\.html;/);
    expect(nginx).toMatch(/gzip on;/);
    // The files precompressed in the build stage are sent as they are.
    expect(nginx).toMatch(/gzip_static on;/);
  });

  it('has the API trust the proxy and make links to the front door', () => {
    expect(envOf(services.api ?? {}).TRUST_PROXY).toBe('true');
    expect(envOf(services.api ?? {}).PUBLIC_URL).toContain('8080');
  });

  it('builds the app in one stage and serves it from nginx with a HEALTHCHECK in another', () => {
    const stages = dockerfileStages(readFileSync(resolve(ROOT, 'frontend/Dockerfile'), 'utf8'));
    expect(stages).toHaveLength(2);
    expect(stages[0].join('\n')).toMatch(/ng build && node \.\.\/scripts\/precompress\.js/);
    expect(stages[1][0]).toMatch(/^FROM nginx:/);
    expect(stages[1].some((l) => /^HEALTHCHECK\s+--/.test(l))).toBe(true);
    expect(stages[1].join('\n')).toMatch(/COPY --from=build \/app\/dist\/frontend\/browser /);
  });
});

describe('backend/Dockerfile', () => {
  const stages = dockerfileStages(readFileSync(resolve(ROOT, 'backend/Dockerfile'), 'utf8'));
  const finalStage = stages[stages.length - 1] ?? [];

  it('is multi-stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
  });

  it('runs the final stage as a non-root user', () => {
    const users = finalStage.filter((l) => /^USER\s/i.test(l));
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1]
      .replace(/^USER\s+/i, '')
      .split(':')[0]
      .trim();
    expect(['', 'root', '0']).not.toContain(user);
  });

  it('has a HEALTHCHECK in the final stage', () => {
    const healthchecks = finalStage.filter((l) => /^HEALTHCHECK\s/i.test(l));
    expect(healthchecks.length).toBeGreaterThan(0);
    expect(healthchecks[healthchecks.length - 1]).not.toMatch(/^HEALTHCHECK\s+NONE\b/i);
  });
});
