import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { readEnvironment } from './config/environment';
import { createApp } from './create-app';
import { GracefulStop } from './graceful-stop';

async function bootstrap(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const app = await createApp(config);
  const graceful = new GracefulStop(app, config.shutdownDrainMs);
  await app.listen(config.port);
  // Graceful stop: stop accepting, let in-flight requests finish (bounded), close the database, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      new Logger('Bootstrap').log(`${signal} received: finishing in-flight requests (at most ${config.shutdownDrainMs} ms)`);
      graceful.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `startup failed: ${(error as Error)?.message ?? error}`;
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
});
