// The account's identity and contract at a glance: who owns it, what it pays, when it renews, and the journey
// stage, which the CSM may override (docs/METRICS.md: "the override is shown as such").
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconRotateClockwise2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Stage, type AccountSummary } from '../../../shared/contract';
import { daysBetween } from '../../../shared/dates';
import { formatCount, formatDate, formatDaysFrom, formatMoney } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';
import { EarlyWarningBadges } from './EarlyWarningBadges';
import { Explained } from './Explained';
import { STAGE_LABEL } from './labels';
import { PrepareQbrButton } from './PrepareQbrButton';
import { RecordRenewalModal } from './RecordRenewalModal';

const AUTOMATIC = 'automatic';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function RenewalFact({ account, today }: { account: AccountSummary; today: string }) {
  if (!account.renewalDate) return <Text size="sm">No renewal date on record</Text>;
  const daysLeft = daysBetween(today, account.renewalDate);
  const color = daysLeft < 0 ? 'dimmed' : daysLeft <= 90 ? 'orange' : undefined;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">
        {formatDate(account.contractStart)} → {formatDate(account.renewalDate)}
      </Text>
      <Explained
        size="sm"
        c={color}
        testId="renewal-days"
        explanation={`Renewal date ${formatDate(account.renewalDate)} minus today (${formatDate(today)}). The renewal stage is the last 90 days before it (a setting).`}
      >
        {daysLeft >= 0 ? `${formatCount(daysLeft)} days left` : `renewal passed ${formatDaysFrom(account.renewalDate, today)}: record the outcome`}
      </Explained>
    </Group>
  );
}

function StageControl({ account }: { account: AccountSummary }) {
  const setOverride = useMutation('accounts.setStageOverride', {
    errorTitle: 'Could not change the stage',
    successMessage: (a) => (a.stageOverridden ? `Stage set to ${STAGE_LABEL[a.stage ?? 'adoption']} by hand.` : 'Stage worked out from the contract dates again.'),
  });
  const value = account.stageOverridden && account.stage ? account.stage : AUTOMATIC;
  return (
    <Group gap="xs" wrap="nowrap">
      {account.stage ? (
        <Badge variant="light" color={account.stageOverridden ? 'grape' : 'blue'} data-testid="account-stage">
          {STAGE_LABEL[account.stage]}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          No contract dates
        </Text>
      )}
      {account.stageOverridden && (
        <Tooltip label="Set by hand: replaces the stage worked out from the contract dates">
          <Badge variant="outline" color="gray" size="xs" data-testid="stage-override">
            override
          </Badge>
        </Tooltip>
      )}
      <Select
        size="xs"
        w={170}
        aria-label="Override the journey stage"
        title="Automatic: worked out from the contract dates (onboarding the first 30 days, renewal the last 90)"
        value={value}
        allowDeselect={false}
        disabled={setOverride.running}
        data={[
          { value: AUTOMATIC, label: 'Automatic' },
          ...Stage.options.map((s) => ({ value: s, label: `Override: ${STAGE_LABEL[s]}` })),
        ]}
        onChange={(next) => {
          if (!next || next === value) return;
          void setOverride.mutate({ id: account.id, stage: Stage.options.find((s) => s === next) ?? null });
        }}
        data-testid="stage-select"
      />
    </Group>
  );
}

export function AccountHeader({ account, today }: { account: AccountSummary; today: string }) {
  const [recording, setRecording] = useState(false);
  return (
    <Stack gap="xs">
      <Anchor href="#/portfolio" size="sm" data-testid="back-to-portfolio">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} /> Portfolio
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2} data-testid="account-name">
              {account.name}
            </Title>
            {account.isDemo && (
              <Tooltip label="From the demo book: fictional, removable in one action">
                <Badge variant="light" color="gray">
                  demo
                </Badge>
              </Tooltip>
            )}
            {account.churned && (
              <Badge variant="filled" color="gray">
                churned
              </Badge>
            )}
            <EarlyWarningBadges accountId={account.id} />
          </Group>
          <Text size="sm" c="dimmed">
            {[account.owner ? `Owner ${account.owner}` : 'No owner', account.industry].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRotateClockwise2 size={16} />} onClick={() => setRecording(true)} data-testid="record-renewal">
            Record renewal
          </Button>
          <PrepareQbrButton accountId={account.id} />
        </Group>
      </Group>
      <RecordRenewalModal opened={recording} account={account} today={today} onClose={() => setRecording(false)} />
      <Paper withBorder p="sm" radius="md">
        <Group gap="xl" align="flex-start" data-testid="account-facts">
          <Fact label="ARR">
            <Explained
              fw={600}
              testId="account-arr"
              explanation={`Annual recurring revenue in ${account.currency}, from the CRM export (accounts file) or as entered.`}
            >
              {formatMoney(account.arr, account.currency)}
            </Explained>
          </Fact>
          <Fact label="Licenses">
            <Explained fw={600} explanation="Seats purchased, from the CRM export. License utilization = MAU ÷ licenses.">
              {formatCount(account.licenses)}
            </Explained>
          </Fact>
          <Fact label="Contract → renewal">
            <RenewalFact account={account} today={today} />
          </Fact>
          <Fact label="Journey stage">
            <StageControl account={account} />
          </Fact>
        </Group>
      </Paper>
    </Stack>
  );
}
