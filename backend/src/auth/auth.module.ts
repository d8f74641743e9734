import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Env } from '../config/env';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AdminAccountsController } from './admin-accounts.controller';
import { AdminAccountsService } from './admin-accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './entities/refresh-token.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([RefreshToken]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to
        // read it as a public key on every verification, which cost ~350 µs per request.
        secret: createSecretKey(Buffer.from(config.get('JWT_ACCESS_SECRET', { infer: true }))),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.get('JWT_ACCESS_TTL_SECONDS', { infer: true }),
        },
      }),
    }),
  ],
  controllers: [AuthController, AdminAccountsController],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    LoginThrottle,
    AdminAccountsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AdminAccountsService],
})
export class AuthModule {}
