// The account's story in sentences (issue #14, point 10): written from Bearing's own facts, offline, with no
// language model. A pure function from facts to sentences; each sentence keeps the facts it was built from and
// where each number is shown, so a screen can link every number to the section behind it. A fact that is missing
// (no data) gives no sentence rather than a guess.
import { formatChange } from './change';
import { daysBetween } from './dates';
import { formatCount, formatDate, formatPercent, plural } from './format';

/** Where a number is shown: the account tab and, on the overview, the card. */
export interface StoryLink {
  tab: 'overview' | 'milestones' | 'qbrs' | 'touchpoints';
  section: 'health' | 'usage' | 'adoption' | 'renewal' | 'stakeholders' | null;
}

export interface StoryFact {
  label: string;
  /** The number or date as the sentence shows it. */
  value: string;
  /** The contract method that answers it. */
  method: string;
  link: StoryLink;
}

/** A run of a sentence's text: plain, or the value of one of its facts (index into facts). */
export interface StoryPart {
  text: string;
  fact: number | null;
}

export interface StorySentence {
  text: string;
  parts: StoryPart[];
  facts: StoryFact[];
}

export interface StoryFacts {
  asOf: string;
  /** The date the "a quarter ago" figures are from. */
  quarterAgo: string;
  health: {
    score: number | null;
    previousScore: number | null;
    /** Each component's change in contribution (points of the score) since quarterAgo. */
    drivers: { label: string; change: number }[];
  };
  wau: { now: number | null; before: number | null };
  mau: number | null;
  licenses: number | null;
  keyFeatures: { used: number; enabled: number } | null;
  lateMilestones: { name: string; daysLate: number }[];
  openSupportCases: number;
  lastTouchpoint: { kind: string; date: string } | null;
  lastQbr: { date: string | null; overdue: boolean | null };
  /**
   * The people the CSM flagged, with their last touch; null when unknown (a flag is today's judgement, with no
   * history, so a past day's story leaves them out).
   */
  stakeholders?: { name: string; flag: 'sponsor' | 'champion' | 'detractor'; lastTouch: string | null }[] | null;
  /** Open action items; null when unknown (their status carries no date, so a past day cannot say). */
  actionItems: { open: number; overdue: number } | null;
  renewal: {
    date: string | null;
    churnedOn: string | null;
    /** Chance of renewing from the likelihood model; null when it shows none. */
    likelihood: number | null;
  };
}

/** A health score moving less than this many points, or usage less than this share, reads as flat. */
export const FLAT_POINTS = 3;
export const FLAT_RATIO = 0.05;
/** A factor must explain at least this many points to be named as the main reason for the change. */
const DRIVER_POINTS = 1;

const HEALTH: StoryLink = { tab: 'overview', section: 'health' };
const USAGE: StoryLink = { tab: 'overview', section: 'usage' };
const ADOPTION: StoryLink = { tab: 'overview', section: 'adoption' };
const RENEWAL: StoryLink = { tab: 'overview', section: 'renewal' };

type Piece = string | StoryFact;

function sentence(...pieces: Piece[]): StorySentence {
  const facts: StoryFact[] = [];
  const parts: StoryPart[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') {
      if (p !== '') parts.push({ text: p, fact: null });
    } else {
      parts.push({ text: p.value, fact: facts.length });
      facts.push(p);
    }
  }
  return { text: parts.map((p) => p.text).join(''), parts, facts };
}

const fact = (label: string, value: string, method: string, link: StoryLink): StoryFact => ({ label, value, method, link });


/** "today", "yesterday", "12 days ago": counted back from the story's own day. */
function ago(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${formatCount(days)} days ago`;
}

function joinList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function healthSentence(f: StoryFacts): StorySentence | null {
  const { score, previousScore, drivers } = f.health;
  if (score === null) return null;
  const now = Math.round(score);
  const nowFact = fact('Health score', String(now), 'health.account', HEALTH);
  if (previousScore === null) return sentence('Health ', nowFact, '; no score a quarter ago to compare with.');
  const before = Math.round(previousScore);
  const beforeFact = fact(`Health score on ${formatDate(f.quarterAgo)}`, String(before), 'health.account', HEALTH);
  const delta = now - before;
  if (Math.abs(delta) < FLAT_POINTS) return sentence('Health ', nowFact, ', about the same as a quarter ago (', beforeFact, ').');
  const direction = delta > 0 ? 'up' : 'down';
  const main = drivers
    .filter((d) => Math.sign(d.change) === Math.sign(delta) && Math.abs(d.change) >= DRIVER_POINTS)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))[0];
  if (!main) return sentence('Health ', nowFact, `, ${direction} from `, beforeFact, ' a quarter ago.');
  const driverFact = fact(`${main.label}: change in points of the score`, formatChange(Math.round(main.change), 0, Math.round(Math.abs(main.change)) === 1 ? 'point' : 'points'), 'health.account', HEALTH);
  return sentence('Health ', nowFact, `, ${direction} from `, beforeFact, ` a quarter ago, mostly from ${main.label.toLowerCase()} (`, driverFact, ').');
}

function usageSentence(f: StoryFacts): StorySentence | null {
  const { now, before } = f.wau;
  if (now === null) return null;
  const nowFact = fact('Weekly active users', formatCount(now), 'metrics.account', USAGE);
  const seats =
    f.mau !== null && f.licenses !== null && f.licenses > 0
      ? [`; `, fact('Monthly active users', formatCount(f.mau), 'metrics.account', USAGE), ` of `, fact('Licenses', formatCount(f.licenses), 'metrics.account', USAGE), ` licenses used in the last 30 days`]
      : [];
  const lead: Piece[] = now === 0 ? ['No weekly active users'] : ['Weekly active users ', nowFact];
  if (before === null) return sentence(...lead, ...seats, '.');
  const beforeFact = fact(`Weekly active users on ${formatDate(f.quarterAgo)}`, formatCount(before), 'metrics.account', USAGE);
  if (before === 0) return sentence(...lead, now === 0 ? ', as a quarter ago' : ', up from none a quarter ago', ...seats, '.');
  if (now === 0) return sentence(...lead, ', down from ', beforeFact, ' a quarter ago', ...seats, '.');
  const change = (now - before) / before;
  if (Math.abs(change) < FLAT_RATIO) return sentence(...lead, ', about the same as a quarter ago (', beforeFact, ')', ...seats, '.');
  const changeFact = fact('Change in weekly active users', formatPercent(Math.abs(change)), 'metrics.account', USAGE);
  return sentence(...lead, `, ${change > 0 ? 'up' : 'down'} `, changeFact, ' from ', beforeFact, ' a quarter ago', ...seats, '.');
}

function adoptionSentence(f: StoryFacts): StorySentence | null {
  const k = f.keyFeatures;
  if (!k || k.enabled === 0 || f.wau.now === null) return null;
  return sentence(
    fact('Key features used', formatCount(k.used), 'metrics.account', ADOPTION),
    ' of ',
    fact('Key features enabled', formatCount(k.enabled), 'metrics.account', ADOPTION),
    ` key ${k.enabled === 1 ? 'feature' : 'features'} used in the last 30 days.`,
  );
}

function milestoneSentence(f: StoryFacts): StorySentence | null {
  const late = [...f.lateMilestones].sort((a, b) => b.daysLate - a.daysLate);
  if (late.length === 0) return null;
  const link: StoryLink = { tab: 'milestones', section: null };
  const shown = late.slice(0, 3).map((m) => `${m.name} (${plural(m.daysLate, 'day')})`);
  const more = late.length > 3 ? ` and ${plural(late.length - 3, 'other')}` : '';
  return sentence(
    fact('Milestones late', formatCount(late.length), 'metrics.account', link),
    ` ${late.length === 1 ? 'milestone is' : 'milestones are'} past ${late.length === 1 ? 'its' : 'their'} target: ${joinList(shown)}${more}.`,
  );
}

function relationshipSentences(f: StoryFacts): StorySentence[] {
  const out: StorySentence[] = [];
  const touchLink: StoryLink = { tab: 'touchpoints', section: null };
  if (f.openSupportCases > 0) {
    out.push(sentence(fact('Support cases open', formatCount(f.openSupportCases), 'metrics.account', touchLink), ` support ${f.openSupportCases === 1 ? 'case is' : 'cases are'} open.`));
  }
  if (f.lastTouchpoint) {
    const kind = f.lastTouchpoint.kind.replace('_', ' ');
    const days = daysBetween(f.lastTouchpoint.date, f.asOf);
    out.push(sentence(`Last touchpoint: ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}, `, fact('Last touchpoint', ago(days), 'touchpoints.list', touchLink), '.'));
  }
  const qbrLink: StoryLink = { tab: 'qbrs', section: null };
  const items = f.actionItems;
  const itemsText = (): Piece[] => {
    if (!items || items.open === 0) return [];
    const overdue = items.overdue > 0 ? [' (', fact('Action items overdue', formatCount(items.overdue), 'qbrs.list', qbrLink), ' overdue)'] : [];
    return [', with ', fact('Open action items', formatCount(items.open), 'qbrs.list', qbrLink), ` action ${items.open === 1 ? 'item' : 'items'} open`, ...overdue];
  };
  if (f.lastQbr.date !== null) {
    const overdue = f.lastQbr.overdue ? ', overdue for the next' : '';
    out.push(sentence('Last QBR ', fact('Last QBR', ago(daysBetween(f.lastQbr.date, f.asOf)), 'qbrs.list', qbrLink), overdue, ...itemsText(), '.'));
  } else if (f.lastQbr.overdue) {
    out.push(sentence('No QBR on record and one is ', fact('QBR overdue', 'overdue', 'metrics.account', qbrLink), '.'));
  }
  return out;
}

function stakeholderSentence(f: StoryFacts): StorySentence | null {
  const people = f.stakeholders ?? [];
  if (people.length === 0) return null;
  const link: StoryLink = { tab: 'overview', section: 'stakeholders' };
  const order = { sponsor: 0, champion: 1, detractor: 2 };
  const pieces: Piece[] = [];
  [...people]
    .sort((a, b) => order[a.flag] - order[b.flag])
    .slice(0, 3)
    .forEach((p, i) => {
      pieces.push(i === 0 ? `${p.flag[0].toUpperCase()}${p.flag.slice(1)} ` : `; ${p.flag} `, p.name);
      pieces.push(
        p.lastTouch === null ? ', no touch on record' : ', last touch ',
        ...(p.lastTouch === null ? [] : [fact(`Last touch of ${p.name}`, ago(daysBetween(p.lastTouch, f.asOf)), 'stakeholders.list', link)]),
      );
    });
  const more = people.length > 3 ? `; and ${plural(people.length - 3, 'other flagged person', 'other flagged people')}` : '';
  return sentence(...pieces, more, '.');
}

function renewalSentence(f: StoryFacts): StorySentence | null {
  const r = f.renewal;
  if (r.churnedOn !== null) return sentence('A former customer: churned on ', fact('Churned on', formatDate(r.churnedOn), 'renewal.history', RENEWAL), '.');
  if (r.date === null) return null;
  const days = daysBetween(f.asOf, r.date);
  const dateFact = fact('Renewal date', formatDate(r.date), 'accounts.get', RENEWAL);
  const likely = r.likelihood === null ? [] : ['; ', fact('Chance of renewing', formatPercent(r.likelihood), 'renewal.likelihood', RENEWAL), ' likely to renew'];
  if (days < 0) {
    return sentence('The renewal date (', dateFact, ') passed ', fact('Days since the renewal date', plural(-days, 'day'), 'accounts.get', RENEWAL), ' ago with no outcome recorded.');
  }
  if (days === 0) return sentence('Renewal due today (', dateFact, ')', ...likely, '.');
  return sentence('Renewal in ', fact('Days to renewal', plural(days, 'day'), 'accounts.get', RENEWAL), ' (', dateFact, ')', ...likely, '.');
}

/** The story: health first, then usage, adoption, milestones, the relationship and the renewal. */
export function accountStory(f: StoryFacts): StorySentence[] {
  // A former customer's story says so first, and leaves out what only a customer has (milestones, QBRs due).
  if (f.renewal.churnedOn !== null) {
    return [renewalSentence(f), healthSentence(f), usageSentence(f)].filter((s): s is StorySentence => s !== null);
  }
  return [
    healthSentence(f),
    usageSentence(f),
    adoptionSentence(f),
    milestoneSentence(f),
    ...relationshipSentences(f),
    stakeholderSentence(f),
    renewalSentence(f),
  ].filter((s): s is StorySentence => s !== null);
}

/** The story as plain text, one sentence after another: what "Copy" puts on the clipboard and the deck's summary. */
export function storyText(sentences: readonly Pick<StorySentence, 'text'>[]): string {
  return sentences.map((s) => s.text).join(' ');
}
