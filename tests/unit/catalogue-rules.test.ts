// The catalogue's matching rules on their own: patterns, precedence, merges, and the mapping screen's suggestions.
import { describe, expect, it } from 'vitest';
import { Catalogue, eventKey, patternRegExp, suggestFeature } from '../../src/shared/catalogue';

describe('patterns', () => {
  it('`*` is any run of characters, everything else literal, case and spacing aside', () => {
    expect(patternRegExp('Exported *').test(eventKey('exported  CSV'))).toBe(true);
    expect(patternRegExp('Exported *').test(eventKey('Exported'))).toBe(false);
    expect(patternRegExp('*dashboard*').test(eventKey('Viewed Dashboard (beta)'))).toBe(true);
    expect(patternRegExp('a.b (c)').test('a.b (c)')).toBe(true);
    expect(patternRegExp('a.b (c)').test('axb (c)')).toBe(false);
  });

  it('an exact rule beats a pattern, a longer pattern a shorter one, and any written rule an automatic one', () => {
    const c = new Catalogue(
      [
        { featureId: 1, pattern: 'Exported *', auto: false },
        { featureId: 2, pattern: 'Exported * report', auto: false },
        { featureId: 3, pattern: 'Exported PDF report', auto: false },
        { featureId: 4, pattern: 'Exported CSV', auto: true },
        { featureId: 5, pattern: 'Signed In', auto: true },
      ],
      [1, 2, 3, 4, 5].map((id) => ({ id, name: `F${id}`, mergedInto: null })),
    );
    expect(c.resolve('exported pdf report')).toBe(3);
    expect(c.resolve('Exported usage report')).toBe(2);
    expect(c.resolve('Exported CSV')).toBe(1);
    expect(c.resolve('Signed In')).toBe(5);
    expect(c.covers('Signed In')).toBe(false);
    expect(c.resolve('Logged out')).toBeUndefined();
  });

  it('a merged feature answers as the feature it became, by rule and by name', () => {
    const c = new Catalogue([{ featureId: 7, pattern: 'Viewed Dashboard', auto: false }], [
      { id: 7, name: 'Dashboard views', mergedInto: 8 },
      { id: 8, name: 'Dashboards', mergedInto: null },
    ]);
    expect(c.resolve('viewed dashboard')).toBe(8);
    expect(c.featureNamed('DASHBOARD VIEWS')).toBe(8);
  });
});

describe('suggestFeature', () => {
  const features = ['Dashboards', 'Report export', 'Alerts', 'SSO'];
  it('finds the feature whose words the event name shares, stems and plurals aside', () => {
    expect(suggestFeature('Viewed Dashboard', features)).toBe('Dashboards');
    expect(suggestFeature('Exported Report', features)).toBe('Report export');
    expect(suggestFeature('export_csv', features)).toBe('Report export');
    expect(suggestFeature('Created Alert', features)).toBe('Alerts');
    expect(suggestFeature('Signed In', features)).toBeNull();
    expect(suggestFeature('', features)).toBeNull();
  });
});
