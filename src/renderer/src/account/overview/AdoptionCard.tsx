// The Adoption card (issue #12, point 5; docs/METRICS.md, usage and breadth): adoption rate (active and adopted,
// each with the definition in force), adopted account, stickiness, engagement score and time to first key action,
// then the adoption curve by lifecycle month and any campaign's uplift. Every figure opens to its inputs; a figure
// without inputs says "no data" and why, never 0.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AccountMetrics, MethodOutput } from '../../../../shared/contract';
import { formatCount, formatDate, formatPercent } from '../../../../shared/format';
import { Explained } from '../Explained';
import { AdoptionCurve } from './AdoptionCurve';
import { CampaignUplift } from './CampaignUplift';

type Definitions = MethodOutput<'health.settings.get'>['settings'];

function Figure({ label, value, testId, explanation, sub }: { label: string; value: string; testId: string; explanation: ReactNode; sub: string }) {
  return (
    <Stack gap={2} data-testid={`${testId}-figure`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Explained size="lg" fw={700} testId={testId} c={value === 'no data' ? 'dimmed' : undefined} explanation={explanation}>
        {value}
      </Explained>
      <Text size="xs" c="dimmed">
        {sub}
      </Text>
    </Stack>
  );
}

/** The explanation's body: what the figure is, then its inputs one per line. */
function Inputs({ what, lines, testId }: { what: string; lines: string[]; testId: string }) {
  return (
    <Stack gap={4} data-testid={`${testId}-inputs`}>
      <Text size="sm">{what}</Text>
      {lines.map((l) => (
        <Text key={l} size="sm" fw={500}>
          {l}
        </Text>
      ))}
    </Stack>
  );
}

const orNoData = (value: string, known: boolean) => (known ? value : 'no data');

function adoptedUserRule(d: Definitions): string {
  const key = d.adoptedUser.requireKeyFeature ? ' and used a key feature in them' : '';
  return `active on at least ${d.adoptedUser.minActiveDays} distinct days of the last ${d.adoptedUser.windowDays}${key}`;
}

export function AdoptionCard({ metrics: m, definitions: d, keyFeatures }: { metrics: AccountMetrics; definitions: Definitions; keyFeatures: string[] }) {
  const eligibleWord = m.eligibleUsersDefinition === 'licenses' ? 'licenses purchased' : 'users on record';
  const onboarding = m.milestones.find((x) => x.kind === 'onboarding_complete');
  const dailyShare = m.meanDau !== null && m.knownUsers > 0 ? m.meanDau / m.knownUsers : null;
  const w = d.engagementWeights;
  return (
    <Paper withBorder p="md" radius="md" data-testid="adoption-card">
      <Title order={4}>Adoption</Title>
      <Text size="xs" c="dimmed" mb="sm">
        As of {formatDate(m.asOf)}; definitions in force from Settings › Adoption definitions
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="md">
        <Figure
          label="Adoption rate (active)"
          testId="adoption-active"
          value={orNoData(formatPercent(m.adoptionRateActive), m.adoptionRateActive !== null)}
          sub={`active ÷ ${eligibleWord}`}
          explanation={
            <Inputs
              testId="adoption-active"
              what={`Users active in the last 30 days ÷ eligible users. Eligible users are the ${eligibleWord} (the definition in force).${m.adoptionRateActive === null ? ' No data: no usage imported yet, or no eligible users.' : ''}`}
              lines={[`${formatCount(m.mau)} active in the last 30 days`, `${formatCount(m.eligibleUsers)} ${eligibleWord}`]}
            />
          }
        />
        <Figure
          label="Adoption rate (adopted)"
          testId="adoption-adopted"
          value={orNoData(formatPercent(m.adoptionRateAdopted), m.adoptionRateAdopted !== null)}
          sub={`${formatCount(m.adoptedUsers)} of ${formatCount(m.knownUsers)} users adopted`}
          explanation={
            <Inputs
              testId="adoption-adopted"
              what={`Adopted users ÷ users on record. A user is adopted when ${adoptedUserRule(d)} (the definition in force).`}
              lines={[`${formatCount(m.adoptedUsers)} adopted users`, `${formatCount(m.knownUsers)} users on record`]}
            />
          }
        />
        <Figure
          label="Adopted account"
          testId="adopted-account"
          value={m.adoptedAccount === null ? 'no data' : m.adoptedAccount ? 'Yes' : 'No'}
          sub={`onboarded and ≥ ${formatPercent(d.adoptedAccount.minDailyActiveShare)} active daily`}
          explanation={
            <Inputs
              testId="adopted-account"
              what={`Adopted when the onboarding milestone is achieved and on average at least ${formatPercent(d.adoptedAccount.minDailyActiveShare)} of the users on record are active each day (the definition in force).${m.adoptedAccount === null ? ' No data: it needs an onboarding milestone, usage and users.' : ''}`}
              lines={[
                onboarding
                  ? onboarding.achievedDate && onboarding.achievedDate <= m.asOf
                    ? `Onboarding achieved ${formatDate(onboarding.achievedDate)}`
                    : 'Onboarding not achieved yet'
                  : 'No onboarding milestone',
                `Mean daily active users ${m.meanDau === null ? '—' : m.meanDau.toFixed(1)} of ${formatCount(m.knownUsers)} users = ${formatPercent(dailyShare)}`,
              ]}
            />
          }
        />
        <Figure
          label="Stickiness"
          testId="stickiness"
          value={orNoData(formatPercent(m.stickiness), m.stickiness !== null)}
          sub="mean DAU ÷ MAU"
          explanation={
            <Inputs
              testId="stickiness"
              what="How many of the month's users come back each day: mean daily active users over the last 30 days ÷ users active in those 30 days."
              lines={[`Mean DAU ${m.meanDau === null ? '—' : m.meanDau.toFixed(1)}`, `MAU ${formatCount(m.mau)}`]}
            />
          }
        />
        <Figure
          label="Engagement score"
          testId="engagement"
          value={m.engagementScore === null ? 'no data' : formatCount(m.engagementScore)}
          sub="0–100, against the whole book"
          explanation={
            <Inputs
              testId="engagement"
              what={`The mean over this account's active users of each user's percentile among all the book's active users in the last 30 days: active days (weight ${w.frequency}), minutes (weight ${w.time}) and features used (weight ${w.features}).${m.engagementScore === null ? ' No data: nobody was active in the 30 days.' : ''}`}
              lines={[`${formatCount(m.mau)} active users scored`]}
            />
          }
        />
        <Figure
          label="Time to first key action"
          testId="first-key-action"
          value={m.timeToFirstKeyActionDays === null ? 'no data' : `${formatCount(m.timeToFirstKeyActionDays)} ${m.timeToFirstKeyActionDays === 1 ? 'day' : 'days'}`}
          sub="median per user"
          explanation={
            <Inputs
              testId="first-key-action"
              what={`Per user, days from their first event to their first use of a key feature; the median over the users who have used one.${m.timeToFirstKeyActionDays === null ? ' No data: nobody has used a key feature yet.' : ''}`}
              lines={[
                `${formatCount(m.timeToFirstKeyActionUsers)} of ${formatCount(m.knownUsers)} users have used a key feature`,
                `Key features: ${keyFeatures.length ? keyFeatures.join(', ') : 'none marked (Settings › Features)'}`,
              ]}
            />
          }
        />
      </SimpleGrid>
      <AdoptionCurve curve={m.adoptionCurve} />
      <CampaignUplift campaigns={m.campaignUplift} />
    </Paper>
  );
}
