// The mapping screen's choices for unknown event names. The inspection below is what import.inspect answers for
// tests/fixtures/book/mixpanel-events.csv once salesforce-accounts.csv is in the book (its Products column names
// the four features; tests/unit/feature-catalogue.test.ts checks that answer against the real backend); the rows
// are counted by hand from the file. The import with these choices is driven in Chromium in
// tests/e2e/feature-catalogue.test.ts.
import { describe, expect, it } from 'vitest';
import {
  applySuggestions,
  chooseEvent,
  eventFeaturesInput,
  keepChoices,
  outcomeOf,
  pendingSuggestions,
  type UnknownEvents,
} from '../../../src/renderer/src/import/event-choices';

const unknown: UnknownEvents = {
  names: [
    { name: 'Signed In', rows: 2, countsAs: 'Signed In', suggestion: null },
    { name: 'Viewed Dashboard', rows: 2, countsAs: 'Viewed Dashboard', suggestion: 'Dashboards' },
    { name: 'Created Alert', rows: 1, countsAs: 'Created Alert', suggestion: 'Alerts' },
    { name: 'Exported CSV', rows: 1, countsAs: 'Exported CSV', suggestion: 'Report export' },
    { name: 'Exported Report', rows: 1, countsAs: 'Exported Report', suggestion: 'Report export' },
    { name: 'Shared Dashboard', rows: 1, countsAs: 'Shared Dashboard', suggestion: 'Dashboards' },
  ],
  complete: true,
  features: ['Alerts', 'Dashboards', 'Report export', 'SSO'],
};
const byName = (unknown: UnknownEvents, name: string) => {
  const found = unknown.names.find((n) => n.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe('choices for unknown event names', () => {
  it('sends nothing when the CSM chose nothing, and exactly what they chose otherwise', () => {
    expect(eventFeaturesInput({})).toBeUndefined();
    let choices = chooseEvent({}, 'Shared Dashboard', '  Dashboards ');
    choices = chooseEvent(choices, 'Signed In', 'Signed In');
    choices = chooseEvent(choices, 'Exported CSV', 'Reporting');
    choices = chooseEvent(choices, 'Exported CSV', '   ');
    expect(eventFeaturesInput(choices)).toEqual({ 'Shared Dashboard': 'Dashboards', 'Signed In': 'Signed In' });
    // The file has five suggestions (Signed In resembles no feature); the one already chosen is left alone.
    expect(pendingSuggestions(unknown, {})).toBe(5);
    expect(pendingSuggestions(unknown, choices)).toBe(4);
    const applied = applySuggestions(unknown, chooseEvent(choices, 'Viewed Dashboard', 'Alerts'));
    expect(applied).toEqual({
      'Shared Dashboard': 'Dashboards',
      'Signed In': 'Signed In',
      'Viewed Dashboard': 'Alerts',
      'Created Alert': 'Alerts',
      'Exported CSV': 'Report export',
      'Exported Report': 'Report export',
    });
    expect(pendingSuggestions(unknown, applied)).toBe(0);
  });

  it('says what each name will count as: an existing feature (any case), a new one, or its own name', () => {
    const viewed = byName(unknown, 'Viewed Dashboard');
    expect(outcomeOf(viewed, {}, unknown.features)).toEqual({ feature: 'Viewed Dashboard', outcome: 'own', chosen: false });
    expect(outcomeOf(viewed, { 'Viewed Dashboard': 'dashboards' }, unknown.features)).toEqual({ feature: 'Dashboards', outcome: 'existing', chosen: true });
    expect(outcomeOf(viewed, { 'Viewed Dashboard': 'Analytics' }, unknown.features)).toEqual({ feature: 'Analytics', outcome: 'new', chosen: true });
    expect(outcomeOf(viewed, { 'Viewed Dashboard': 'viewed dashboard' }, unknown.features)).toMatchObject({ outcome: 'own', chosen: true });
  });

  it('keeps the choices for names the file still has after a re-inspection, and none when it has no event names', () => {
    const choices = { 'Viewed Dashboard': 'Dashboards', 'Clicked Export': 'Report export' };
    expect(keepChoices(unknown, choices)).toEqual({ 'Viewed Dashboard': 'Dashboards' });
    expect(keepChoices(null, choices)).toEqual({});
  });
});
