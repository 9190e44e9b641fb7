// What the import tells the CSM about account records it kept (issue #11, point 4): a record without a name, and two
// records sharing a name under different ids. Worded here so StoreWriter stays about writing.
import type { AccountFact } from './store-facts';
import type { RowWarning } from './types';

/** A record without a name: the name it was given (kept = the name of the account it matched, which stays). */
export function namelessWarning(fact: AccountFact, kept: string | null): RowWarning {
  const id = fact.externalId ? ` (id "${fact.externalId}")` : '';
  return {
    code: 'nameless_account',
    message: kept !== null
      ? `The record${id} has no name; the account keeps its name "${kept}".`
      : `The record${id} has no name: kept as "${fact.name}", named by its ${fact.nameFrom === 'domain' ? 'domain' : 'id'}. Rename it in your CRM and import again.`,
  };
}

export function sameNameWarning(name: string, externalId: string, otherExternalId: string): RowWarning {
  return {
    code: 'same_name_account',
    message: `Another account is also named "${name}"${otherExternalId ? ` (id "${otherExternalId}")` : ''}: this record (id "${externalId}") is kept as a second account, since its id differs.`,
  };
}
