// Settings › Features' pure helpers. The catalogue below is what features.list and features.eventNames answer once
// tests/fixtures/book's accounts, Mixpanel events and features file are imported (tests/unit/feature-catalogue.test.ts
// checks that against the real backend); the event counts are counted by hand from mixpanel-events.csv.
import { describe, expect, it } from 'vitest';
import type { CatalogueEvent, Feature } from '../../../src/shared/contract';
import { describeChange, eventInputError, eventsPerFeature, matchingEvents, mergeTargets } from '../../../src/renderer/src/settings/catalogue-view';

const feature = (id: number, name: string, isKey: boolean, isPaid: boolean, events: string[]): Feature => ({ id, key: name.toLowerCase(), name, isKey, isPaid, events, merged: [] });
const FEATURES: Feature[] = [
  feature(3, 'Alerts', true, false, ['Created Alert']),
  feature(1, 'Dashboards', true, false, ['Viewed Dashboard', 'Shared Dashboard']),
  feature(2, 'Report export', true, true, ['Exported *']),
  feature(9, 'Signed In', false, false, ['Signed In']),
  feature(4, 'SSO', false, true, []),
];
const event = (name: string, events: number, featureId: number, featureName: string, rule: string | null): CatalogueEvent => ({ name, events, featureId, featureName, rule, unreviewed: false });
const EVENTS: CatalogueEvent[] = [
  event('Signed In', 2, 9, 'Signed In', 'Signed In'),
  event('Viewed Dashboard', 2, 1, 'Dashboards', 'Viewed Dashboard'),
  event('Created Alert', 1, 3, 'Alerts', 'Created Alert'),
  event('Exported CSV', 1, 2, 'Report export', 'Exported *'),
  event('Exported Report', 1, 2, 'Report export', 'Exported *'),
  event('Shared Dashboard', 1, 1, 'Dashboards', 'Shared Dashboard'),
];
const named = (features: Feature[], name: string) => features.find((f) => f.name === name) as Feature;

describe('Settings › Features helpers', () => {
  it('counts the stored events of each feature (counted by hand from mixpanel-events.csv)', () => {
    const [features, events] = [FEATURES, EVENTS];
    const counts = eventsPerFeature(events);
    // Viewed Dashboard ×2 + Shared Dashboard; Exported Report + Exported CSV; Created Alert; Signed In ×2; SSO none.
    expect(counts.get(named(features, 'Dashboards').id)).toBe(3);
    expect(counts.get(named(features, 'Report export').id)).toBe(2);
    expect(counts.get(named(features, 'Alerts').id)).toBe(1);
    expect(counts.get(named(features, 'Signed In').id)).toBe(2);
    expect(counts.get(named(features, 'SSO').id)).toBeUndefined();
  });

  it('shows which stored names a typed pattern catches, and refuses what cannot be added', () => {
    const [features, events] = [FEATURES, EVENTS];
    expect(matchingEvents('exported *', events).map((e) => e.name).sort()).toEqual(['Exported CSV', 'Exported Report']);
    expect(matchingEvents('  viewed   DASHBOARD ', events).map((e) => e.name)).toEqual(['Viewed Dashboard']);
    expect(matchingEvents('', events)).toEqual([]);
    const dashboards = named(features, 'Dashboards');
    expect(eventInputError('  ', dashboards)).toMatch(/Type an event name/);
    expect(eventInputError('viewed dashboard', dashboards)).toBe('“viewed dashboard” already counts as Dashboards.');
    expect(eventInputError(' * ', dashboards)).toMatch(/needs some text besides \*/);
    expect(eventInputError('x'.repeat(501), dashboards)).toMatch(/too long/);
    // A name another feature has may be added: it moves here.
    expect(eventInputError('Created Alert', dashboards)).toBeNull();
    expect(eventInputError('Opened *', dashboards)).toBeNull();
  });

  it('offers every other feature as a merge target, and words what a change did', () => {
    const features = FEATURES;
    const alerts = named(features, 'Alerts');
    expect(mergeTargets(features, alerts.id).map((t) => t.label)).toEqual(['Dashboards', 'Report export', 'Signed In', 'SSO']);
    expect(describeChange({ movedEvents: 2, accounts: 2, rescored: 3 })).toBe('2 events moved at 2 accounts · health rescored for 3 accounts');
    expect(describeChange({ movedEvents: 1, accounts: 1, rescored: 1 })).toBe('1 event moved at 1 account · health rescored for 1 account');
    expect(describeChange({ movedEvents: 0, accounts: 0, rescored: 0 })).toBe('no stored event moved · no health score changed');
  });
});
