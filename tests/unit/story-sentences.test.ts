// Issue #14, point 10: the account's story in sentences, written from facts with no language model. Expected
// sentences written by hand for a new account, a healthy growing one, one declining before its renewal, one whose
// renewal date passed, and a former customer.
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/shared/format';
import { accountStory, storyText, type StoryFacts } from '../../src/shared/story';

const base: StoryFacts = {
  asOf: '2026-11-24',
  quarterAgo: '2026-08-26',
  health: { score: null, previousScore: null, drivers: [] },
  wau: { now: null, before: null },
  mau: null,
  licenses: null,
  keyFeatures: null,
  lateMilestones: [],
  openSupportCases: 0,
  lastTouchpoint: null,
  lastQbr: { date: null, overdue: null },
  actionItems: null,
  renewal: { date: null, churnedOn: null, likelihood: null },
};

const texts = (f: StoryFacts) => accountStory(f).map((s) => s.text);

describe('the account story', () => {
  it('says nothing it has no facts for: an account with no history', () => {
    expect(texts(base)).toEqual([]);
    expect(texts({ ...base, renewal: { date: '2027-11-20', churnedOn: null, likelihood: null }, health: { score: 52.4, previousScore: null, drivers: [] } })).toEqual([
      'Health 52; no score a quarter ago to compare with.',
      'Renewal in 361 days (Nov 20, 2027).',
    ]);
  });

  it('a healthy, growing account', () => {
    const f: StoryFacts = {
      ...base,
      health: {
        score: 84.4,
        previousScore: 70.6,
        drivers: [
          { label: 'Usage', change: 9.2 },
          { label: 'Breadth', change: 4.1 },
          { label: 'Relationship', change: -0.4 },
        ],
      },
      wau: { now: 30, before: 24 },
      mau: 34,
      licenses: 40,
      keyFeatures: { used: 4, enabled: 4 },
      lastTouchpoint: { kind: 'meeting', date: '2026-11-23' },
      lastQbr: { date: '2026-10-25', overdue: false },
      actionItems: { open: 1, overdue: 0 },
      renewal: { date: '2027-05-01', churnedOn: null, likelihood: 0.874 },
    };
    expect(texts(f)).toEqual([
      // 84 − 71 = +13 as shown; usage moved the most in that direction.
      'Health 84, up from 71 a quarter ago, mostly from usage (+9 points).',
      // (30 − 24) / 24 = 25 %.
      'Weekly active users 30, up 25% from 24 a quarter ago; 34 of 40 licenses used in the last 30 days.',
      '4 of 4 key features used in the last 30 days.',
      'Last touchpoint: a meeting, yesterday.',
      'Last QBR 30 days ago, with 1 action item open.',
      'Renewal in 158 days (May 1, 2027); 87% likely to renew.',
    ]);
  });

  it('an account declining before its renewal', () => {
    const f: StoryFacts = {
      ...base,
      health: {
        score: 71.2,
        previousScore: 84.1,
        drivers: [
          { label: 'Usage', change: -8.6 },
          { label: 'Frequency', change: -3.2 },
          { label: 'Satisfaction', change: 1.4 },
        ],
      },
      wau: { now: 18, before: 25 },
      mau: 21,
      licenses: 50,
      keyFeatures: { used: 1, enabled: 3 },
      lateMilestones: [
        { name: 'First key action', daysLate: 1 },
        { name: 'Onboarding complete', daysLate: 40 },
      ],
      openSupportCases: 3,
      lastTouchpoint: { kind: 'support_case', date: '2026-11-12' },
      lastQbr: { date: '2026-07-01', overdue: true },
      actionItems: { open: 4, overdue: 2 },
      renewal: { date: '2027-01-17', churnedOn: null, likelihood: null },
    };
    const story = accountStory(f);
    expect(story.map((s) => s.text)).toEqual([
      'Health 71, down from 84 a quarter ago, mostly from usage (−9 points).',
      // (18 − 25) / 25 = −28 %.
      'Weekly active users 18, down 28% from 25 a quarter ago; 21 of 50 licenses used in the last 30 days.',
      '1 of 3 key features used in the last 30 days.',
      '2 milestones are past their target: Onboarding complete (40 days) and First key action (1 day).',
      '3 support cases are open.',
      'Last touchpoint: a support case, 12 days ago.',
      'Last QBR 146 days ago, overdue for the next, with 4 action items open (2 overdue).',
      'Renewal in 54 days (Jan 17, 2027).',
    ]);
    // Every number is a fact of its sentence, linked to where it is shown.
    expect(story[0].facts.map((x) => [x.value, x.link.section])).toEqual([
      ['71', 'health'],
      ['84', 'health'],
      ['−9 points', 'health'],
    ]);
    expect(story[1].parts.filter((p) => p.fact !== null).map((p) => p.text)).toEqual(['18', '28%', '25', '21', '50']);
    expect(story[3].facts[0].link).toEqual({ tab: 'milestones', section: null });
    expect(story[7].facts.map((x) => x.label)).toEqual(['Days to renewal', 'Renewal date']);
    expect(storyText(story)).toBe(story.map((s) => s.text).join(' '));
  });

  it('flat values read as about the same, and a change no factor explains names none', () => {
    const f: StoryFacts = {
      ...base,
      health: { score: 60.4, previousScore: 58.6, drivers: [{ label: 'Usage', change: 1.8 }] },
      wau: { now: 20, before: 20 },
    };
    expect(texts(f)).toEqual(['Health 60, about the same as a quarter ago (59).', 'Weekly active users 20, about the same as a quarter ago (20).']);
    const spread = { ...f, health: { score: 66, previousScore: 60, drivers: [{ label: 'Usage', change: 0.5 }, { label: 'Breadth', change: -0.2 }] } };
    expect(texts(spread)[0]).toBe('Health 66, up from 60 a quarter ago.');
    expect(texts({ ...base, wau: { now: 5, before: 0 } })).toEqual(['Weekly active users 5, up from none a quarter ago.']);
    expect(texts({ ...base, wau: { now: 0, before: 0 } })).toEqual(['No weekly active users, as a quarter ago.']);
    expect(texts({ ...base, wau: { now: 0, before: 7 }, mau: 2, licenses: 10 })).toEqual([
      'No weekly active users, down from 7 a quarter ago; 2 of 10 licenses used in the last 30 days.',
    ]);
  });

  it('a renewal date that passed with no outcome, one due today, and a former customer', () => {
    expect(texts({ ...base, renewal: { date: '2026-10-01', churnedOn: null, likelihood: 0.5 } })).toEqual([
      'The renewal date (Oct 1, 2026) passed 54 days ago with no outcome recorded.',
    ]);
    expect(texts({ ...base, renewal: { date: '2026-11-23', churnedOn: null, likelihood: null } })).toEqual([
      'The renewal date (Nov 23, 2026) passed 1 day ago with no outcome recorded.',
    ]);
    expect(texts({ ...base, renewal: { date: '2026-11-24', churnedOn: null, likelihood: 0.61 } })).toEqual(['Renewal due today (Nov 24, 2026); 61% likely to renew.']);
    expect(texts({ ...base, renewal: { date: '2027-11-01', churnedOn: '2026-11-01', likelihood: null } })).toEqual(['A former customer: churned on Nov 1, 2026.']);
    // A former customer's story starts with that, and nothing about milestones or QBRs it no longer has.
    const gone = { ...base, health: { score: 4, previousScore: 5, drivers: [] }, lateMilestones: [{ name: 'Kickoff', daysLate: 300 }], lastQbr: { date: null, overdue: true } };
    expect(texts({ ...gone, renewal: { date: null, churnedOn: '2026-05-31', likelihood: null } })).toEqual([
      'A former customer: churned on May 31, 2026.',
      'Health 4, about the same as a quarter ago (5).',
    ]);
  });

  it('singular and plural', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(1200, 'milestone')).toBe('1,200 milestones');
    const one = { ...base, lateMilestones: [{ name: 'Kickoff', daysLate: 3 }], openSupportCases: 1, keyFeatures: { used: 0, enabled: 1 }, wau: { now: 1, before: null } };
    expect(texts(one)).toEqual([
      'Weekly active users 1.',
      '0 of 1 key feature used in the last 30 days.',
      '1 milestone is past its target: Kickoff (3 days).',
      '1 support case is open.',
    ]);
    expect(texts({ ...base, lastQbr: { date: null, overdue: true } })).toEqual(['No QBR on record and one is overdue.']);
    expect(texts({ ...base, lastTouchpoint: { kind: 'email', date: '2026-11-24' } })).toEqual(['Last touchpoint: an email, today.']);
  });

  it('names the flagged stakeholders with their last touch, sponsors first', () => {
    const story = accountStory({
      ...base,
      stakeholders: [
        { name: 'Lea Voss', flag: 'detractor', lastTouch: null },
        { name: 'Omar Haddad', flag: 'sponsor', lastTouch: '2026-10-15' },
      ],
    });
    expect(story.map((s) => s.text)).toEqual(['Sponsor Omar Haddad, last touch 40 days ago; detractor Lea Voss, no touch on record.']);
    expect(story[0].facts.map((f) => [f.value, f.link])).toEqual([['40 days ago', { tab: 'overview', section: 'stakeholders' }]]);
    const many = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name, flag: 'champion' as const, lastTouch: '2026-11-23' }));
    expect(texts({ ...base, stakeholders: many })).toEqual([
      'Champion A, last touch yesterday; champion B, last touch yesterday; champion C, last touch yesterday; and 2 other flagged people.',
    ]);
  });
});
