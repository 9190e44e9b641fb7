// The Account view lives at #/account/<id> (hash routing, see hooks/use-hash-route.ts): a link is a plain href,
// so it works from the table, the lanes and the command palette alike, and survives a reload.
export function accountHref(id: number): string {
  return `#/account/${id}`;
}

/** Opens the account, on one of its tabs when given (the Overview otherwise). */
export function openAccount(id: number, tab?: 'overview' | 'milestones' | 'qbrs' | 'touchpoints'): void {
  window.location.hash = tab ? `/account/${id}/${tab}` : `/account/${id}`;
}
