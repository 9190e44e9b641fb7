// Outreach drafts (issue #14, point 6): e-mail templates in the CSM's voice with {{placeholders}}, rendered into
// a draft and a mailto: URL. The shipped wording follows the seed on customer communication: say what is being
// done rather than promise ("I will"), walk through it together rather than order ("you need to"), use the
// customer's own terms (the feature's name), and sign as the person, never as "the team".

export const TEMPLATE_IDS = ['check_in', 'qbr_invitation', 'feature_reminder', 'renewal_kickoff'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const PLACEHOLDERS = ['firstName', 'accountName', 'feature', 'userNames', 'csmName', 'csmTitle', 'renewalDate', 'qbrDate'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export interface OutreachTemplate {
  subject: string;
  body: string;
}

export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  check_in: 'Post-onboarding check-in',
  qbr_invitation: 'QBR invitation',
  feature_reminder: 'Feature reminder',
  renewal_kickoff: 'Renewal kickoff',
};

const SIGNATURE = 'Thanks,\n{{csmName}}\n{{csmTitle}}';

export const SHIPPED_TEMPLATES: Record<TemplateId, OutreachTemplate> = {
  check_in: {
    subject: 'How is {{accountName}} settling in?',
    body: [
      'Hi {{firstName}},',
      'Your team has had a few weeks with the product now, and I would love to hear how it is going: what already works well, and where anything feels slower than it should.',
      'I have set aside half an hour for a short call in the next two weeks. Reply with a time that suits you and the invite goes out the same day. If a question has been waiting, send it over now and we can start with it.',
      SIGNATURE,
    ].join('\n\n'),
  },
  qbr_invitation: {
    subject: '{{accountName}} quarterly review: {{qbrDate}}?',
    body: [
      'Hi {{firstName}},',
      'It is time for our quarterly business review, and I would like to suggest {{qbrDate}} for a 45-minute session with you and anyone on your side who should be there.',
      'I have started on the agenda: what {{accountName}} achieved this quarter, how your teams use the product, and the goals for the next one. If there is a topic you would like on it, reply and it goes on the list.',
      'Does {{qbrDate}} work for you? If not, send a couple of alternatives and we can pick one together.',
      SIGNATURE,
    ].join('\n\n'),
  },
  feature_reminder: {
    subject: 'Getting more out of {{feature}} at {{accountName}}',
    body: [
      'Hi {{firstName}},',
      'Thank you for using the product this past month. I noticed that {{feature}} is not part of your routine yet, and it is the part teams like yours usually get the most from.',
      'Setting it up takes a few minutes. Reply with a time that suits you and we can walk through it together in 15 minutes, with your own data on screen.',
      SIGNATURE,
    ].join('\n\n'),
  },
  renewal_kickoff: {
    subject: 'Planning the year ahead for {{accountName}}',
    body: [
      'Hi {{firstName}},',
      'The renewal for {{accountName}} comes up on {{renewalDate}}, and I would like to start the conversation early so nothing is rushed.',
      'I am putting together a summary of what your team has achieved this year and where we see room to grow. Could we find 30 minutes in the next two weeks to go through it together and talk about what the coming year should bring?',
      'Reply with a couple of times that suit you, and the invite follows the same day.',
      SIGNATURE,
    ].join('\n\n'),
  },
};

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholder names a text uses that Bearing does not know, in order of first use. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !isPlaceholder(n)))];
}

/** What a placeholder without a value shows: a bracketed gap the CSM sees and fills before sending. */
export function gapFor(name: Placeholder): string {
  return `[${GAP_LABELS[name]}]`;
}

const GAP_LABELS: Record<Placeholder, string> = {
  firstName: 'first name',
  accountName: 'account name',
  feature: 'feature',
  userNames: 'user names',
  csmName: 'your name',
  csmTitle: 'your title',
  renewalDate: 'renewal date',
  qbrDate: 'QBR date',
};

function fill(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, raw: string) => {
    if (!isPlaceholder(raw)) return whole;
    const value = values[raw];
    return value === undefined || value === '' ? gapFor(raw) : value;
  });
}

/**
 * The draft: every known placeholder replaced by its value. An empty signature line (no title set) is dropped
 * rather than left blank; a missing name shows as "[csm name]" so an unsigned e-mail is never sent unnoticed.
 */
export function renderTemplate(template: OutreachTemplate, values: PlaceholderValues): OutreachTemplate {
  const withoutEmptySignature = values.csmTitle ? template.body : template.body.replace(/\n[ \t]*\{\{\s*csmTitle\s*\}\}[ \t]*(?=\n|$)/g, '');
  return { subject: fill(template.subject, values).replace(/\s+/g, ' ').trim(), body: fill(withoutEmptySignature, values).trim() };
}

/** "Dana", "Dana and Li", "Dana, Li and Sam". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Past this many recipients a greeting says "all" rather than listing first names. */
const MAX_GREETED = 4;

/** The greeting's names: the recipients' first names ("Dana and Li"), "all" for many or unnamed, "there" for none. */
export function greetingName(names: readonly string[]): string {
  if (names.length === 0) return 'there';
  const firsts = names.map((n) => n.trim().split(/\s+/)[0] ?? '');
  if (names.length > MAX_GREETED || firsts.some((f) => f === '' || f.includes('@'))) return names.length > 1 ? 'all' : 'there';
  return joinNames(firsts);
}

/** A mailto: URL (RFC 6068): addresses comma-separated, subject and body percent-encoded, line breaks as CRLF. */
export function mailtoUrl(to: readonly string[], subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s);
  const query = [`subject=${enc(subject)}`, `body=${enc(body.replace(/\r?\n/g, '\r\n'))}`].join('&');
  // '@' stays as typed: some mail apps do not decode %40 in the address part.
  return `mailto:${to.map((a) => enc(a).replace(/%40/g, '@')).join(',')}?${query}`;
}
