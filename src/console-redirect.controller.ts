import { Controller, Get, Redirect } from '@nestjs/common';

/** Standalone only: the root of the server opens the browser console (relative, so proxies keep their prefix). */
@Controller()
export class ConsoleRedirectController {
  @Get()
  @Redirect('plugins/webhook/console/', 302)
  root(): void {}
}
