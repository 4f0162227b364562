import { Body, Controller, Get, Post } from '@nestjs/common';

/** The host's own routes, next to the library's; they keep Nest's body parsing. */
@Controller()
export class HomeController {
  @Get()
  home() {
    return { service: 'embedded-host', admin: '/admin/plugins/webhook', hooks: '/hooks/plugins/webhook' };
  }

  @Post('echo')
  echo(@Body() body: unknown) {
    return { received: body };
  }
}
