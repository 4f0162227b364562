import { CanActivate, ExecutionContext, HttpException, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { lastValueFrom, isObservable } from 'rxjs';
import { AdminGuard, ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { forbidden, unauthenticated } from './api-key-authenticator';

/** The host's admin guard (option `adminGuard`), resolved once at start from the host's DI. */
@Injectable()
export class HostAdminGuard implements OnModuleInit {
  private guard?: CanActivate;

  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  get enabled(): boolean {
    return this.options.adminGuard !== undefined;
  }

  async onModuleInit(): Promise<void> {
    const configured = this.options.adminGuard;
    if (configured) this.guard = await this.resolve(configured);
  }

  async admits(context: ExecutionContext): Promise<boolean> {
    if (!this.guard) throw new Error('HostAdminGuard used before the module was initialised');
    try {
      const verdict = await this.guard.canActivate(context);
      return isObservable(verdict) ? await lastValueFrom(verdict) : verdict;
    } catch (error) {
      throw withHostMessage(error);
    }
  }

  private async resolve(guard: AdminGuard): Promise<CanActivate> {
    if (typeof guard !== 'function') return guard;
    try {
      return this.moduleRef.get(guard, { strict: false });
    } catch {
      // Not a provider of the host: build it, injecting what the host exports globally.
      return this.moduleRef.create(guard);
    }
  }
}

/** The host guard's 401/403 keep its message in the envelope; anything else goes to the filter as is. */
function withHostMessage(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  if (error.getStatus() === 401) return unauthenticated(error.message);
  if (error.getStatus() === 403) return forbidden(error.message);
  return error;
}
