// The preview must show rows as stored, under the CSM's field names: the stored `ts` and `arrMinor` are named
// after their fields and shown as UTC time and money, and required fields left without a column block Import.
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../../src/shared/contract';
import { joinLabels, missingRequired } from '../../../src/renderer/src/import/file-entry';
import { formatPreviewValue, previewColumns } from '../../../src/renderer/src/import/preview-columns';

function inspection(partial: Partial<Inspection>): Inspection {
  return {
    file: `fh_${'x'.repeat(32)}`, fileName: 'x.csv', sizeBytes: 10, encoding: 'utf-8', delimiter: ',', headers: [], kind: 'events',
    source: 'generic', confidence: 1, kindRecognised: true, mapping: {}, mappingRemembered: false, fields: [], requiresOneOf: [], unknownEvents: null, preview: [], ...partial,
  };
}

describe('previewColumns', () => {
  it('orders stored values by the kind’s fields and names them with the field labels', () => {
    const columns = previewColumns(
      inspection({
        fields: [
          { field: 'accountId', label: 'Account ID', required: false },
          { field: 'timestamp', label: 'Time', required: true },
          { field: 'arr', label: 'ARR', required: false },
        ],
        preview: [
          { line: 2, outcome: 'accepted', values: { ts: 1741079700000, arrMinor: 125000000, accountId: 'acme', extra: 1 }, reason: null },
          { line: 3, outcome: 'rejected', values: {}, reason: 'bad' },
        ],
      }),
    );
    expect(columns).toEqual([
      { key: 'accountId', label: 'Account ID' },
      { key: 'ts', label: 'Time (UTC)' },
      { key: 'arrMinor', label: 'ARR' },
      { key: 'extra', label: 'extra' },
    ]);
  });
});

describe('formatPreviewValue', () => {
  it('shows instants in UTC, money in whole units of its currency, and nothing as null', () => {
    expect(formatPreviewValue('ts', 1741079700000, {})).toBe('Mar 4, 2025, 9:15:00 AM UTC');
    expect(formatPreviewValue('arrMinor', 125000000, { currency: 'USD' })).toBe('$1,250,000.00');
    expect(formatPreviewValue('arrMinor', 5000, { currency: 'JPY' })).toBe('¥5,000');
    expect(formatPreviewValue('licenses', 1250, {})).toBe('1,250');
    expect(formatPreviewValue('email', null, {})).toBeNull();
    expect(formatPreviewValue('isAdmin', true, {})).toBe('yes');
  });
});

describe('missingRequired', () => {
  it('lists the required fields that have no column', () => {
    const fields = [
      { field: 'timestamp', label: 'Time', required: true },
      { field: 'name', label: 'Name', required: true },
      { field: 'email', label: 'Email', required: false },
    ];
    expect(missingRequired(inspection({ fields }), { timestamp: 'Date', name: null, email: null })).toEqual(['Name']);
    expect(joinLabels(['Time', 'Name', 'Account'])).toBe('Time, Name and Account');
  });

  it('asks for one field of each group that has none mapped', () => {
    const fields = [
      { field: 'accountId', label: 'Account ID', required: false },
      { field: 'userId', label: 'User ID', required: false },
      { field: 'email', label: 'Email', required: false },
    ];
    const groups = { fields, requiresOneOf: [['accountId', 'userId', 'email']] };
    expect(missingRequired(inspection(groups), { accountId: null, userId: null, email: null })).toEqual(['Account ID or User ID or Email']);
    expect(missingRequired(inspection(groups), { accountId: null, userId: 'Visitor ID', email: null })).toEqual([]);
  });
});
