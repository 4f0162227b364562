import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { resolveEncryptionSecret } from './config/encryption-secret';
import { setupApp } from './setup-app';

/** Builds the standalone app from a validated config; shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const { secret, generatedAt } = resolveEncryptionSecret(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, secret), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  if (generatedAt) new Logger('Bootstrap').log(`ENCRYPTION_SECRET was not set: generated one and stored it in ${generatedAt} (mode 0600)`);
  return setupApp(app) as NestExpressApplication;
}
