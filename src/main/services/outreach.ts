// Outreach drafts (issue #14, point 6): templates kept as settings (the shipped wording until the CSM edits one),
// and a draft for one account rendered from one of them, addressed from the book: a feature reminder to the
// active users who skip the feature (the key-feature recommendation's users), the other e-mails to the account's
// contacts (its managers, executives and admins with an e-mail). Sending it is logged as an email touchpoint.
import type { MethodInput, MethodOutput, OutreachTemplateEntry, TouchpointItem } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import {
  PLACEHOLDERS,
  SHIPPED_TEMPLATES,
  TEMPLATE_IDS,
  TEMPLATE_LABELS,
  gapFor,
  greetingName,
  joinNames,
  mailtoUrl,
  renderTemplate,
  unknownPlaceholders,
  type OutreachTemplate,
  type Placeholder,
  type PlaceholderValues,
  type TemplateId,
} from '../../shared/outreach';
import { loadFeatures } from '../db/features';
import { deleteSetting, readSetting, writeSetting } from '../db/settings';
import { accountContacts, usersOfAccountByIds, type UserContact } from '../db/users';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { accountRecommendations } from './metrics';
import { nextQbrSuggestion } from './qbrs';
import { createTouchpoint } from './touchpoints';

const keyOf = (id: TemplateId) => `outreach.template.${id}`;
// The CSM's name and title are saved once, with the deck's settings (Settings → QBR deck), and sign both.
const CSM_NAME_KEY = 'deck.csmName';
const CSM_TITLE_KEY = 'deck.csmTitle';
/** An overdue QBR is proposed this many days out: time for the customer to find a slot. */
const OVERDUE_QBR_LEAD_DAYS = 14;
const MAX_NOTES = 8000;

function savedTemplate(ctx: ServiceContext, id: TemplateId): OutreachTemplate | null {
  const value = readSetting(ctx, keyOf(id));
  if (typeof value !== 'object' || value === null) return null;
  const { subject, body } = value as Record<string, unknown>;
  // A value written by hand or an older build that Bearing could not fill falls back to the shipped wording.
  if (typeof subject !== 'string' || typeof body !== 'string' || !subject.trim()) return null;
  if (unknownPlaceholders(subject + body).length > 0) return null;
  return { subject, body };
}

function entry(ctx: ServiceContext, id: TemplateId): OutreachTemplateEntry {
  const defaults = SHIPPED_TEMPLATES[id];
  const saved = savedTemplate(ctx, id) ?? defaults;
  return {
    id,
    label: TEMPLATE_LABELS[id],
    ...saved,
    isDefault: saved.subject === defaults.subject && saved.body === defaults.body,
    defaults: { ...defaults },
  };
}

export function readTemplate(ctx: ServiceContext, id: TemplateId): OutreachTemplate {
  return savedTemplate(ctx, id) ?? SHIPPED_TEMPLATES[id];
}

export function listTemplates(ctx: ServiceContext): MethodOutput<'outreach.templates.get'> {
  return { templates: TEMPLATE_IDS.map((id) => entry(ctx, id)), placeholders: [...PLACEHOLDERS] };
}

export function setTemplate(ctx: ServiceContext, input: MethodInput<'outreach.templates.set'>): OutreachTemplateEntry {
  const unknown = unknownPlaceholders(`${input.subject}\n${input.body}`);
  if (unknown.length > 0) {
    const names = unknown.map((n) => `{{${n}}}`).join(', ');
    throw new AppError(
      'unknown_placeholder',
      `Bearing does not know ${names}: use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}, or remove the braces.`,
    );
  }
  writeSetting(ctx, keyOf(input.id), { subject: input.subject.trim(), body: input.body });
  return entry(ctx, input.id);
}

export function resetTemplate(ctx: ServiceContext, input: MethodInput<'outreach.templates.reset'>): OutreachTemplateEntry {
  deleteSetting(ctx, keyOf(input.id));
  return entry(ctx, input.id);
}

const textSetting = (ctx: ServiceContext, key: string) => {
  const value = readSetting(ctx, key);
  return typeof value === 'string' ? value.trim() : '';
};

const labelOf = (u: UserContact) => u.name?.trim() || u.email || u.externalId;

interface Audience {
  recipients: UserContact[];
  feature: string | undefined;
  notes: string[];
}

function audienceOf(ctx: ServiceContext, input: MethodInput<'outreach.draft'>, accountName: string, asOf: string): Audience {
  let feature: { id: number; name: string } | undefined;
  if (input.featureId !== undefined) {
    feature = loadFeatures(ctx).find((f) => f.id === input.featureId);
    if (!feature) throw new AppError('unknown_feature', `There is no feature with id ${input.featureId}.`);
  } else if (input.template === 'feature_reminder') {
    throw new AppError('feature_required', 'A feature reminder is about one feature: say which (featureId).');
  }
  if (input.userIds) return { recipients: usersOfAccountByIds(ctx, input.accountId, input.userIds), feature: feature?.name, notes: [] };
  if (input.template === 'feature_reminder' && feature) {
    const id = feature.id;
    const reminder = accountRecommendations(ctx, { id: input.accountId, asOf }).items.find(
      (r) => r.kind === 'key_feature_reminder' && r.features.some((f) => f.id === id),
    );
    const recipients = reminder ? usersOfAccountByIds(ctx, input.accountId, reminder.users.map((u) => u.id)) : [];
    const notes = recipients.length === 0 ? [`Every active user of ${accountName} used ${feature.name} in the last 30 days: there is no one to remind.`] : [];
    return { recipients, feature: feature.name, notes };
  }
  const recipients = accountContacts(ctx, input.accountId);
  const notes =
    recipients.length === 0
      ? [`${accountName} has no contact on file (a manager, executive or admin with an e-mail): add the recipients in your mail app.`]
      : [];
  return { recipients, feature: feature?.name, notes };
}

export function draftOutreach(ctx: ServiceContext, input: MethodInput<'outreach.draft'>): MethodOutput<'outreach.draft'> {
  const account = requireAccount(ctx, input.accountId);
  const asOf = input.asOf ?? todayOf(ctx);
  const template = readTemplate(ctx, input.template);
  const { recipients, feature, notes } = audienceOf(ctx, input, account.name, asOf);
  const names = recipients.map(labelOf);
  const unreachable = recipients.filter((u) => !u.email).map(labelOf);
  if (unreachable.length > 0) notes.push(`No e-mail on file for ${joinNames(unreachable)}: left out of the address list.`);

  const used = new Set<string>([...`${template.subject}\n${template.body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''));
  const qbr = used.has('qbrDate') ? nextQbrSuggestion(ctx, { accountId: input.accountId, asOf }).suggestedDate : null;
  const values: PlaceholderValues = {
    firstName: greetingName(names),
    accountName: account.name,
    feature,
    userNames: joinNames(names),
    csmName: textSetting(ctx, CSM_NAME_KEY),
    csmTitle: textSetting(ctx, CSM_TITLE_KEY),
    renewalDate: account.renewalDate ? formatDate(account.renewalDate) : undefined,
    qbrDate: qbr ? formatDate(qbr < asOf ? addDays(asOf, OVERDUE_QBR_LEAD_DAYS) : qbr) : undefined,
  };
  if (used.has('csmName') && !values.csmName) notes.push('Your name is not set, so the draft is not signed: set it in Settings → QBR deck.');
  for (const name of PLACEHOLDERS) {
    if (name === 'csmName' || name === 'csmTitle' || !used.has(name) || values[name]) continue;
    notes.push(`Bearing does not know the ${gapFor(name as Placeholder).slice(1, -1)} here: fill in ${gapFor(name)} before sending.`);
  }
  const { subject, body } = renderTemplate(template, values);
  const to = recipients.map((u) => ({ userId: u.id, name: labelOf(u), email: u.email }));
  const addresses = to.flatMap((r) => (r.email ? [r.email] : []));
  return { accountId: account.id, template: input.template, to, subject, body, mailto: mailtoUrl(addresses, subject, body), notes };
}

export function logSent(ctx: ServiceContext, input: MethodInput<'outreach.logSent'>): TouchpointItem {
  const to = (input.to ?? []).map((a) => a.trim()).filter(Boolean);
  const notes = [to.length > 0 ? `To: ${to.join(', ')}` : '', input.body?.trim() ?? ''].filter(Boolean).join('\n\n');
  return createTouchpoint(ctx, {
    accountId: input.accountId,
    kind: 'email',
    date: input.date ?? todayOf(ctx),
    title: input.subject,
    notes: notes ? notes.slice(0, MAX_NOTES) : null,
  });
}

export function outreachHandlers(
  ctx: ServiceContext,
): HandlerGroup<'outreach.templates.get' | 'outreach.templates.set' | 'outreach.templates.reset' | 'outreach.draft' | 'outreach.logSent'> {
  return {
    'outreach.templates.get': () => listTemplates(ctx),
    'outreach.templates.set': (input) => setTemplate(ctx, input),
    'outreach.templates.reset': (input) => resetTemplate(ctx, input),
    'outreach.draft': (input) => draftOutreach(ctx, input),
    'outreach.logSent': (input) => logSent(ctx, input),
  };
}
