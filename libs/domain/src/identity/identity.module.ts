import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENVIRONMENT, Environment } from '@majlis/config';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { PeopleModule } from './people.module';
import { SignInThrottle } from './sign-in-throttle';
import {
  PostgresSignInThrottleStorage,
  RedisSignInThrottleStorage,
  SIGN_IN_THROTTLE_STORAGE,
} from './sign-in-throttle.storage';

@Module({
  imports: [
    PeopleModule,
    JwtModule.registerAsync({
      inject: [ENVIRONMENT],
      useFactory: (environment: Environment) => {
        if (environment.jwtSecret === undefined) throw new Error('the token-signing secret was not resolved at start');
        // A key object made once: given the secret as text, jsonwebtoken first tries it as a PEM public key
        // at every sign and verify, and builds the error of that failed parse (half a millisecond a request).
        const key = createSecretKey(Buffer.from(environment.jwtSecret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: environment.tokenTtlHours * 3600, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [
    IdentityService,
    PasswordHasher,
    SignInThrottle,
    {
      provide: SIGN_IN_THROTTLE_STORAGE,
      inject: [ENVIRONMENT, getDataSourceToken()],
      useFactory: (environment: Environment, dataSource: DataSource) =>
        environment.redisUrl === undefined
          ? new PostgresSignInThrottleStorage(dataSource)
          : new RedisSignInThrottleStorage(environment.redisUrl, environment.queuePrefix),
    },
  ],
  exports: [IdentityService, PasswordHasher, PeopleModule],
})
export class IdentityModule {}
