export { ConfigurationError, parseCommandEnvironment, parseEnvironment } from './environment';
export type { Environment, Locale, QueryLimits, SignInLimits } from './environment';
export { withJwtSecret } from './embedded-secret';
export { ENVIRONMENT, EnvironmentModule, InjectEnvironment } from './environment.module';
export { loggerParams, requestId } from './logging';
