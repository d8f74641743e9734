import { loadEnv } from './config/env';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp(env);
  // A deep accept queue: on an exam day thousands of browsers connect in the same second.
  await app.listen({ port: env.PORT, host: env.HOST, backlog: 4096 });
}

main().catch((e: unknown) => {
  // Configuration errors are for a person to read; everything else with its stack.
  console.error(e instanceof Error && e.name === 'InvalidEnvironmentError' ? e.message : e);
  process.exit(1);
});
