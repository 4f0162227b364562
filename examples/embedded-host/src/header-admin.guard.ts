import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';

/** Stand-in for the host's real auth: `x-host-admin: yes` is an admin; no header → 401, another value → 403. */
@Injectable()
export class HeaderAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const value = context.switchToHttp().getRequest<Request>().headers['x-host-admin'];
    if (value === undefined) throw new UnauthorizedException('x-host-admin header required');
    return value === 'yes';
  }
}
