import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconColumns3 } from '@tabler/icons-react';
import type { ColumnFit, ColumnId } from './table-columns';

interface Props {
  fit: ColumnFit;
  /** Shows a hidden column in place of the least needed one that is shown. */
  onShow: (id: ColumnId) => void;
}

function label(column: ColumnFit['hidden'][number]): string {
  return column.secondary ? `${column.primary.label} · ${column.secondary.label}` : column.primary.label;
}

/**
 * Only there when the window is too narrow for every column: says how many are hidden and brings any of them back,
 * so no figure is out of reach on a small screen (the account view shows them all too).
 */
export function ColumnsMenu({ fit, onShow }: Props) {
  if (fit.hidden.length === 0) return null;
  const hidden = new Set(fit.hidden.map((c) => c.id));
  const all = [...fit.shown.map((s) => s.column), ...fit.hidden].filter((c) => c.id !== 'name');
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconColumns3 size={14} />}
          data-testid="columns-menu"
          data-hidden-count={fit.hidden.length}
          style={{ flexShrink: 0 }}
        >
          {fit.hidden.length} {fit.hidden.length === 1 ? 'column' : 'columns'} hidden
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={280}>
        <Menu.Label>
          <Text size="xs" c="dimmed">
            Too narrow for every column: the least needed are hidden. Pick one to show it instead.
          </Text>
        </Menu.Label>
        {all.map((c) => (
          <Menu.Item
            key={c.id}
            leftSection={hidden.has(c.id) ? <span style={{ width: 14, display: 'inline-block' }} /> : <IconCheck size={14} />}
            onClick={() => onShow(c.id)}
            disabled={!hidden.has(c.id)}
            data-testid="column-option"
            data-column={c.id}
            data-shown={!hidden.has(c.id)}
          >
            {label(c)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
