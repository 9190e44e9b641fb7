import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { addDays } from '../../src/shared/dates';
import { ok, tempBackend } from '../helpers/backend';
import { AS_OF, fillSmallBook } from '../helpers/metrics-dataset';

let backend: Backend | undefined;
afterEach(() => backend?.close());

describe('usage.series', () => {
  it('gives DAU, WAU and MAU for every day of the range, agreeing with metrics.account on each day', async () => {
    const b = (backend = tempBackend());
    b.database.sqlite.exec("INSERT INTO settings (key, value) VALUES ('timeZone', '\"UTC\"')");
    fillSmallBook(b.database.sqlite);
    const series = await ok<MethodOutput<'usage.series'>>(b.api.invoke('usage.series', { id: 1, days: 30, asOf: AS_OF }));
    expect(series).toMatchObject({ id: 1, asOf: AS_OF, licenses: 20 });
    expect(series.points).toHaveLength(30);
    expect(series.points[0].date).toBe(addDays(AS_OF, -29));
    for (const date of [AS_OF, addDays(AS_OF, -7), addDays(AS_OF, -29)]) {
      const m = await ok<MethodOutput<'metrics.account'>>(b.api.invoke('metrics.account', { id: 1, asOf: date }));
      expect(series.points.find((p) => p.date === date), date).toEqual({ date, dau: m.dau, wau: m.wau, mau: m.mau });
    }
    // Before the first event there is nothing to count.
    const early = await ok<MethodOutput<'usage.series'>>(b.api.invoke('usage.series', { id: 1, days: 365, asOf: AS_OF }));
    expect(early.points[0]).toEqual({ date: addDays(AS_OF, -364), dau: 0, wau: 0, mau: 0 });
    expect((await b.api.invoke('usage.series', { id: 9 })).ok).toBe(false);
  });
});
