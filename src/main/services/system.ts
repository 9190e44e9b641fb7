import type { AppInfo } from '../../shared/contract';
import { countAccounts } from '../db/accounts';
import { countUsageRows } from '../db/usage';
import type { HandlerGroup, ServiceContext } from './context';

export function appInfo(ctx: ServiceContext): AppInfo {
  const demoAccounts = countAccounts(ctx, { demoOnly: true });
  const allAccounts = countAccounts(ctx);
  const usage = countUsageRows(ctx);
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
