import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CERTIFICATES_QUEUE, certificateJobOptions } from '../certificates/certificate-queue';
import type { Env } from '../config/env';
import { OutboxDispatcher } from './outbox-dispatcher';

/** The dispatcher, for the processes that run one (the certificate worker). */
@Module({
  imports: [
    BullModule.registerQueueAsync({
      name: CERTIFICATES_QUEUE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        defaultJobOptions: certificateJobOptions(config.get('CERT_JOB_ATTEMPTS', { infer: true })),
      }),
    }),
  ],
  providers: [OutboxDispatcher],
  exports: [OutboxDispatcher, BullModule],
})
export class OutboxModule {}
