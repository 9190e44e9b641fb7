// The watched_folders table: folders whose new CSV files are imported as they appear.
import type { Store } from './open';
import { prepared } from './statements';

export interface WatchedFolder {
  id: number;
  path: string;
}

export function watchedFolders(store: Store): WatchedFolder[] {
  return prepared(store.sqlite, 'SELECT id, path FROM watched_folders ORDER BY path').all() as WatchedFolder[];
}

/** Adds the folder unless it is there already; either way returns its row. */
export function addWatchedFolder(store: Store, folder: string): WatchedFolder {
  prepared(store.sqlite, 'INSERT OR IGNORE INTO watched_folders (path) VALUES (?)').run(folder);
  return prepared(store.sqlite, 'SELECT id, path FROM watched_folders WHERE path = ?').get(folder) as WatchedFolder;
}

/** Whether there was such a folder to remove. */
export function removeWatchedFolder(store: Store, id: number): boolean {
  return prepared(store.sqlite, 'DELETE FROM watched_folders WHERE id = ?').run(id).changes > 0;
}
