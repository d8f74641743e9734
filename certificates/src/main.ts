import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** `npm run worker`: a process with no HTTP server that issues certificates until stopped. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log(`certificate worker ${process.pid} started`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error && e.name === 'InvalidEnvironmentError' ? e.message : e);
  process.exit(1);
});
