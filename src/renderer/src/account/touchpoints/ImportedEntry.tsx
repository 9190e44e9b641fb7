// A ticket or an e-mail campaign that came in from a file (issue #15), on the account's timeline: read-only here,
// since importing the file again updates it and removing its import (Import › History) takes it away.
import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ImportedItem } from '../../../../shared/contract';
import { formatCount, formatPercent } from '../../../../shared/format';
import { sourceLabel } from '../../import/labels';
import { plural } from '../labels';

function TicketBadges({ t }: { t: ImportedItem }) {
  return (
    <Group gap={4}>
      <Badge size="sm" color={t.caseStatus === 'open' ? 'orange' : 'gray'} variant="light" data-testid="case-status">
        {t.caseStatus === 'open' ? 'Open' : 'Solved'}
        {t.daysOpen !== null && ` · ${plural(t.daysOpen, 'day')}${t.caseStatus === 'open' ? ' open' : ''}`}
      </Badge>
      {t.priority && (
        <Badge size="sm" variant="light" color={/^(urgent|high)$/i.test(t.priority) ? 'red' : 'gray'} tt="none">
          {t.priority} priority
        </Badge>
      )}
      {t.withinSla !== null && (
        <Badge size="sm" color={t.withinSla ? 'teal' : 'red'} variant="light" data-testid="case-sla">
          {t.withinSla ? 'within SLA' : 'SLA breached'}
        </Badge>
      )}
    </Group>
  );
}

function CampaignBadges({ c }: { c: ImportedItem }) {
  const sent = c.recipients ?? 0;
  const responded = Math.max(c.clicked ?? 0, c.replied ?? 0);
  return (
    <Group gap={4}>
      <Badge size="sm" variant="light" color="gray" tt="none" data-testid="campaign-reach">
        {plural(sent, 'contact')} · {formatCount(c.opened)} opened · {formatCount(c.clicked)} clicked · {formatCount(c.replied)} replied
      </Badge>
      {sent > 0 && (
        <Badge size="sm" variant="light" color={responded > 0 ? 'teal' : 'gray'} tt="none">
          {responded > 0 ? `${formatPercent(responded / sent)} responded` : 'no response'}
        </Badge>
      )}
      {c.featureName && (
        <Badge size="sm" variant="light" color="indigo" tt="none">
          {c.featureName}
        </Badge>
      )}
    </Group>
  );
}

export function ImportedBody({ item }: { item: ImportedItem }) {
  const from = sourceLabel(item.vendor);
  return (
    <Stack gap={2} data-testid="imported-entry">
      <Text size="sm" fw={600}>
        {item.title}
      </Text>
      {item.kind === 'support_case' ? <TicketBadges t={item} /> : <CampaignBadges c={item} />}
      <Tooltip label="Imported from a file: importing it again updates this entry; removing its import in Import › History takes it away." multiline w={280}>
        <Text size="xs" c="dimmed" data-testid="imported-from" w="fit-content">
          {item.kind === 'support_case'
            ? `Imported from ${from}: ticket ${item.ticketId ?? ''}${item.requesterEmail ? `, opened by ${item.requesterEmail}` : ''}`
            : `Imported from ${from}`}
        </Text>
      </Tooltip>
    </Stack>
  );
}
