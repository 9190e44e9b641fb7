// loadDayActivity reads each rollup row packed into one number (db/usage.ts); ids or days past the packing's bounds
// come as text instead. Both ways must give the same days, users and features, and rows without events must only
// tell when a user was first seen. Expected values are written out by hand from the rows inserted.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDayActivity } from '../../src/main/db/usage';
import { tempBackend } from '../helpers/backend';

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('loadDayActivity', () => {
  it('gives the same activity for ids inside and outside the packed bounds, and the users seen without events', () => {
    const b = tempBackend();
    close = () => b.close();
    const sql = b.database.sqlite;
    sql.prepare("INSERT INTO accounts (id, name) VALUES (1, 'Contoso Ltd')").run();
    const big = 2 ** 27 + 5; // a user id past 2^27
    const wide = 2 ** 16 + 3; // a feature id past 2^16
    const insert = sql.prepare('INSERT INTO usage_daily (account_id, user_id, feature_id, day, events) VALUES (1, ?, ?, ?, ?)');
    for (const [user, feature, day, events] of [
      [7, 2, 20000, 3],
      [7, 0, 20000, 1],
      [9, 2, 20000, 0], // no events: seen, not active
      [big, wide, 20001, 2],
      [7, wide, 20001, 1],
      [big, 4, 20003, 0], // no events, past the bounds
      [12, 4, 21100, 5], // more than 1,024 days after the range's start
      [12, 4, 19999, 5], // before the range
    ]) {
      insert.run(user, feature, day, events);
    }
    const seen = new Map<number, number>();
    const days = loadDayActivity(b.database, 1, 20000, 21200, seen);
    expect(days).toEqual([
      { day: 20000, users: [7], features: [2] },
      { day: 20001, users: [7, big], features: [wide] },
      { day: 21100, users: [12], features: [4] },
    ]);
    expect([...seen].sort((x, y) => x[0] - y[0])).toEqual([
      [9, 20000],
      [big, 20003],
    ]);
    // Without the map, the same activity (the rows without events are not read at all).
    expect(loadDayActivity(b.database, 1, 20000, 21200)).toEqual(days);
    expect(loadDayActivity(b.database, 1, 20001, 20001)).toEqual([{ day: 20001, users: [7, big], features: [wide] }]);
  });
});
