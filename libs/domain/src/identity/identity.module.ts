import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENVIRONMENT, Environment } from '@majlis/config';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { Person } from './person.entity';
import { PersonRepository } from './person.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([Person]),
    JwtModule.registerAsync({
      inject: [ENVIRONMENT],
      useFactory: (environment: Environment) => {
        if (environment.jwtSecret === undefined) throw new Error('the token-signing secret was not resolved at start');
        return {
          secret: environment.jwtSecret,
          signOptions: { expiresIn: environment.tokenTtlHours * 3600, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [IdentityService, PasswordHasher, PersonRepository],
  exports: [IdentityService, PasswordHasher, PersonRepository],
})
export class IdentityModule {}
