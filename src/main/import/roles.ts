// Job titles -> the four roles the exposure metric counts (docs/METRICS.md, "exposure"). CRMs export free-text titles;
// the checks run executive, manager, admin: "VP of Customer Support Operations" is an executive, "Director of IT
// Administration" a manager, "Salesforce Administrator" an admin, "Team Lead" a manager, "Product Owner" a user.
import type { Role } from './types';

const EXECUTIVE = [
  /\bchief\b/, /\b(ceo|cfo|coo|cto|cio|cmo|cro|cpo|cso|ciso|cdo|cco|chro)\b/, /\bc-(level|suite)\b/,
  /\b(s?e?vp|avp|rvp)\b/, /\bvice[\s-]president\b/, /\bpresident\b/, /\bfounder\b/, /^(business )?owner$/,
  /\bmanaging partner\b/, /\bmanaging director\b/, /\bgeneral manager\b/, /\bexecutive director\b/, /\bboard\b/,
  /\b(gesch[aä]ftsf[uü]hrer|directeur g[eé]n[eé]ral|pdg)\b/,
];
const ADMIN = [/\badmin\b/, /\badministrator\b/, /\bsys ?admin\b/, /\bit (support|operations)\b/, /\bsuper ?user\b/];
const MANAGER = [
  /\bmanager\b/, /\bmgr\b/, /\bdirector\b/, /\bhead of\b/, /\bhead\b/, /\blead\b/, /\bsupervisor\b/,
  /\bteam ?lead(er)?\b/, /\bleiter(in)?\b/, /\bresponsable\b/,
];

/** The role of a job title (or a role column's own words: "Admin", "Executive", "End user"). */
export function normalizeRole(title: string | null | undefined): Role {
  if (!title) return 'end_user';
  const t = title.toLowerCase().replace(/[.,/&]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (t === '') return 'end_user';
  if (/^(end[ _-]?user|user|member|viewer|standard)$/.test(t)) return 'end_user';
  if (/^exec(utive)?s?$/.test(t)) return 'executive';
  if (EXECUTIVE.some((re) => re.test(t))) return 'executive';
  // "Director of IT Administration" manages; "Salesforce Administrator" administers.
  if (MANAGER.some((re) => re.test(t))) return 'manager';
  if (ADMIN.some((re) => re.test(t))) return 'admin';
  return 'end_user';
}
