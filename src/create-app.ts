import { Logger, LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppConfig, LogLevel } from './config/app-config';
import { resolveEncryptionSecret } from './config/encryption-secret';
import { setupApp } from './setup-app';

const NEST_LEVELS: Record<LogLevel, NestLogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Builds the standalone app from a validated config; shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const { secret, generatedAt } = resolveEncryptionSecret(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, secret), {
    bodyParser: false,
    logger: NEST_LEVELS[config.logLevel],
  });
  if (generatedAt) new Logger('Bootstrap').log(`ENCRYPTION_SECRET was not set: generated one and stored it in ${generatedAt} (mode 0600)`);
  return setupApp(app) as NestExpressApplication;
}
