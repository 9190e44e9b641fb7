// Outreach drafts (issue #14, point 6): an e-mail in the CSM's voice from a template editable in Settings, for one
// account, addressed to the right people, opened in the mail app or copied; sending it logs an email touchpoint.
// outreach.draft takes no task: a recommendation's card calls it with the template and the feature, and a task can
// later call it with the same input.
import { z } from 'zod';
import { PLACEHOLDERS, TEMPLATE_IDS } from '../outreach';
import { empty, id, isoDate, method } from './define';
import { TouchpointItem } from './touchpoints';

export const OutreachTemplateId = z.enum(TEMPLATE_IDS);
export type OutreachTemplateId = z.infer<typeof OutreachTemplateId>;

const subject = z.string().trim().min(1, { error: 'The subject cannot be empty.' }).max(300);
const body = z.string().max(8000);

export const OutreachTemplateEntry = z.object({
  id: OutreachTemplateId,
  label: z.string(),
  subject: z.string(),
  body: z.string(),
  /** True when the saved wording is the shipped one (never edited, or reset). */
  isDefault: z.boolean(),
  defaults: z.object({ subject: z.string(), body: z.string() }),
});
export type OutreachTemplateEntry = z.infer<typeof OutreachTemplateEntry>;

export const OutreachRecipient = z.object({
  userId: id,
  name: z.string(),
  /** null = no e-mail on file: named in the draft, left out of the mailto: address list. */
  email: z.string().nullable(),
});
export type OutreachRecipient = z.infer<typeof OutreachRecipient>;

export const OutreachDraft = z.object({
  accountId: id,
  template: OutreachTemplateId,
  to: z.array(OutreachRecipient),
  subject: z.string(),
  body: z.string(),
  /** mailto: with the recipients' addresses, the subject and the body, percent-encoded. */
  mailto: z.string(),
  /** What the CSM should know before sending: no recipients found, a value left as a [gap], no signature. */
  notes: z.array(z.string()),
});
export type OutreachDraft = z.infer<typeof OutreachDraft>;

export const outreachMethods = {
  'outreach.templates.get': method({
    input: empty,
    output: z.object({ templates: z.array(OutreachTemplateEntry), placeholders: z.array(z.enum(PLACEHOLDERS)) }),
  }),
  /** Refused with unknown_placeholder when the subject or body uses a {{name}} Bearing does not fill. */
  'outreach.templates.set': method({
    input: z.object({ id: OutreachTemplateId, subject, body }).strict(),
    output: OutreachTemplateEntry,
    writes: ['settings'],
  }),
  'outreach.templates.reset': method({
    input: z.object({ id: OutreachTemplateId }).strict(),
    output: OutreachTemplateEntry,
    writes: ['settings'],
  }),
  'outreach.draft': method({
    input: z
      .object({
        accountId: id,
        template: OutreachTemplateId,
        /** The feature a reminder is about (feature_reminder: required); its skippers are the recipients. */
        featureId: id.optional(),
        /** Address these users of the account instead of the ones Bearing picks. */
        userIds: z.array(id).max(500).optional(),
        asOf: isoDate.optional(),
      })
      .strict(),
    output: OutreachDraft,
  }),
  /** The draft was sent: an email touchpoint titled with its subject, the recipients and body in its notes. */
  'outreach.logSent': method({
    input: z
      .object({
        accountId: id,
        subject,
        body: body.optional(),
        to: z.array(z.string().max(320)).max(500).optional(),
        date: isoDate.optional(),
      })
      .strict(),
    output: TouchpointItem,
    writes: ['touchpoints', 'health'],
  }),
};
