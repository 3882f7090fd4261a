import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Environment } from './environment';

export const ENVIRONMENT = Symbol('ENVIRONMENT');

/** Injects the process's validated {@link Environment}. */
export const InjectEnvironment = (): ParameterDecorator => Inject(ENVIRONMENT);

/** Makes the configuration parsed once at start available everywhere; nothing re-reads process.env. */
@Global()
@Module({})
export class EnvironmentModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: EnvironmentModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ ...environment })] })],
      providers: [{ provide: ENVIRONMENT, useValue: environment }],
      exports: [ENVIRONMENT],
    };
  }
}
