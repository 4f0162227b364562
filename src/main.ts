import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { readEnvironment } from './config/environment';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const app = await createApp(config);
  await app.listen(config.port);
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `startup failed: ${(error as Error)?.message ?? error}`;
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
});
