import { eq } from 'drizzle-orm';
import { settings } from '../db/schema';
import type { StoreContext } from './context';

/** Raw key/value access; the typed settings model validates what comes out of it. */
export function readSetting(ctx: StoreContext, key: string): unknown {
  const row = ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row?.value;
}

export function writeSetting(ctx: StoreContext, key: string, value: unknown): void {
  ctx.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}
