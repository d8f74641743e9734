import { loadEnv } from './config/env';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
}

main().catch((e: unknown) => {
  // Configuration errors are for a person to read; everything else with its stack.
  console.error(e instanceof Error && e.name === 'InvalidEnvironmentError' ? e.message : e);
  process.exit(1);
});
