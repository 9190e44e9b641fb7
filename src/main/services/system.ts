import type { AppInfo } from '../../shared/contract';
import { countAccounts } from '../db/accounts';
import { countUsageRows } from '../db/usage';
import { AppError } from '../../shared/errors';
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

/** With a book open, the app is ready; recovery is answered by app/recovery.ts, which has no book. */
export function systemHandlers(ctx: ServiceContext): HandlerGroup<'app.info' | 'app.status' | 'app.recover'> {
  return {
    'app.info': () => appInfo(ctx),
    'app.status': () => ({ state: 'ready' }),
    'app.recover': () => {
      throw new AppError('not_in_recovery', 'Your book opened normally: to go back to a backup, restore it from Settings.');
    },
  };
}
