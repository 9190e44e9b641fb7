// Which tables each query method reads, so a query refetches when main says one of them changed. A method
// missing here refetches on every change: stale data is worse than an extra read.
import type { MethodName, Table } from '../../../shared/contract';

const READS: Partial<Record<MethodName, readonly Table[]>> = {
  'app.info': ['accounts', 'usage'],
  'accounts.list': ['accounts', 'milestones'],
  'accounts.get': ['accounts', 'milestones'],
};

export function tablesReadBy(method: MethodName): readonly Table[] | 'all' {
  return READS[method] ?? 'all';
}
