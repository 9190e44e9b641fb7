import { count, eq } from 'drizzle-orm';
import type { AppInfo } from '../../shared/contract';
import { accounts, usageDaily } from '../db/schema';
import type { HandlerGroup, ServiceContext } from './context';

export function appInfo(ctx: ServiceContext): AppInfo {
  const demoAccounts = ctx.db.select({ n: count() }).from(accounts).where(eq(accounts.isDemo, true)).get()?.n ?? 0;
  const allAccounts = ctx.db.select({ n: count() }).from(accounts).get()?.n ?? 0;
  const usage = ctx.db.select({ n: count() }).from(usageDaily).get()?.n ?? 0;
  return {
    version: ctx.version,
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    host: ctx.host,
    demo: { loaded: demoAccounts > 0, accounts: demoAccounts },
    counts: { accounts: allAccounts, usageEvents: usage },
  };
}

export function systemHandlers(ctx: ServiceContext): HandlerGroup<'app.info'> {
  return {
    'app.info': () => appInfo(ctx),
  };
}
