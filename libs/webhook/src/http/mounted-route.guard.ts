import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { WebhookRequest } from './webhook-request';

/** A library route reached outside every configured mount does not exist for the client. */
@Injectable()
export class MountedRouteGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WebhookRequest>();
    if (!req.webhook) throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
    return true;
  }
}
