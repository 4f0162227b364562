import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule); // Nest's defaults: JSON and form body parsers on
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000));
  console.log(`embedded host listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: Error) => {
  console.error(`embedded host failed to start: ${error.message}`);
  process.exit(1);
});
