import { Select, SimpleGrid } from '@mantine/core';
import type { Inspection, Mapping } from '../../../shared/contract';

/** Select's values are strings; this one means "the file has no column for this field". */
const NOT_IN_FILE = '\u0000not-in-file';

interface Props {
  inspection: Inspection;
  mapping: Mapping;
  disabled?: boolean;
  onChange: (field: string, header: string | null) => void;
}

/** For each field Bearing stores, which column of the file feeds it. */
export function MappingEditor({ inspection, mapping, disabled, onChange }: Props) {
  // A header row can repeat a name or leave one blank; the list offers each usable name once.
  const headers = [...new Set(inspection.headers.filter((h) => h.trim() !== ''))];
  const data = [{ value: NOT_IN_FILE, label: '— not in this file —' }, ...headers.map((h) => ({ value: h, label: h }))];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs" data-testid="mapping-editor">
      {inspection.fields.map((f) => {
        const header = mapping[f.field] ?? null;
        return (
          <Select
            key={f.field}
            size="xs"
            label={f.label}
            withAsterisk={f.required}
            data={data}
            value={header ?? NOT_IN_FILE}
            onChange={(value) => onChange(f.field, value === null || value === NOT_IN_FILE ? null : value)}
            allowDeselect={false}
            searchable={headers.length > 12}
            disabled={disabled}
            error={f.required && !header ? 'Required: choose a column' : undefined}
            data-testid={`map-${f.field}`}
            styles={{ input: header ? undefined : { color: 'var(--mantine-color-dimmed)' } }}
          />
        );
      })}
    </SimpleGrid>
  );
}
