export { ConfigurationError, parseEnvironment } from './environment';
export type { Environment, Locale } from './environment';
export { embeddedJwtSecret } from './embedded-secret';
export { ENVIRONMENT, EnvironmentModule, InjectEnvironment } from './environment.module';
export { loggerParams, requestId } from './logging';
