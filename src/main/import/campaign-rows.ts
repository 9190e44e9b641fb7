// E-mail campaign recipients as marketing tools export them: HubSpot's recipients export says each action in its
// own column (a true/false, a count or the time it happened), Marketo's Email Send program members say how far
// each person went in one status (Sent, Delivered, Opened, Clicked, Engaged). Each line is one contact and one
// campaign; the contact is known by e-mail only.
import { Reject, type CellReader, type FieldRef, type Fields } from './cell-reader';
import { quoteValue } from './import-error';
import type { CampaignRow } from './types';

/** A cell that says it happened: true / yes / x / a positive count / a date; empty, 0, false, no, - say it did not. */
function happened(r: CellReader, f: FieldRef): boolean {
  const v = r.raw(f);
  if (v === null) return false;
  const s = v.trim().toLowerCase();
  if (/^(false|no|n|0|-|none|not opened|not clicked)$/.test(s)) return false;
  if (/^(true|yes|y|x|1)$/.test(s) || /^\d+$/.test(s) || /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(s)) return true;
  throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}: expected yes/no, true/false, a count or the date it happened.`);
}

/** How far a Marketo status went: clicked and engaged imply opened; replied is its own. */
function statusFlags(status: string | null): { opened: boolean; clicked: boolean; replied: boolean } {
  const s = (status ?? '').toLowerCase();
  const replied = /repl/.test(s);
  const clicked = /click|engaged|convert/.test(s);
  return { opened: clicked || replied || /open/.test(s), clicked, replied };
}

export function campaignRow(r: CellReader, F: Fields): CampaignRow {
  const campaign = r.required(F.campaign, r.text(F.campaign));
  const email = r.required(F.email, r.email(F.email));
  const date = r.required(F.date, r.calendar(F.date, true));
  const byStatus = statusFlags(r.text(F.status));
  const clicked = happened(r, F.clicked) || byStatus.clicked;
  const replied = happened(r, F.replied) || byStatus.replied;
  return { kind: 'campaigns', campaign, email, date, opened: happened(r, F.opened) || byStatus.opened || clicked, clicked, replied, feature: r.text(F.feature) };
}
