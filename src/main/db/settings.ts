// The settings table: raw key/value access. The typed settings models (metrics, app, deck) validate what comes out.
import { eq } from 'drizzle-orm';
import type { Store } from './open';
import { settings } from './schema';
import { prepared } from './statements';

export function readSetting(store: Store, key: string): unknown {
  const row = store.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row?.value;
}

export function writeSetting(store: Store, key: string, value: unknown): void {
  store.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}

export function deleteSetting(store: Store, key: string): void {
  prepared(store.sqlite, 'DELETE FROM settings WHERE key = ?').run(key);
}
