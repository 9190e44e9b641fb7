// The feature catalogue's matching rules, shared by the importer (which event names count as which feature),
// the catalogue's re-derivation and the mapping screen (what a new event name would count as, and which feature
// it most resembles). Pure: no store, no clock.

/** An event name or a pattern as the catalogue keys it: trimmed, lower case, runs of spaces made one. */
export function eventKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function isPattern(pattern: string): boolean {
  return pattern.includes('*');
}

/** `*` matches any run of characters (none included); everything else is literal; case does not matter. */
export function patternRegExp(pattern: string): RegExp {
  const body = eventKey(pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

export interface CatalogueRule {
  featureId: number;
  pattern: string;
  /** Made by an import that met the name and kept it as its own feature: any rule the CSM wrote wins over it. */
  auto: boolean;
}

export interface CatalogueFeature {
  id: number;
  name: string;
  mergedInto: number | null;
}

/**
 * Which feature an event name counts as. In order: an exact rule the CSM (or a features file) wrote, then their
 * patterns (the longest literal text first: "Exported * report" before "Exported *"), then a rule an import made
 * on its own; each answered as the feature it counts as today (following merges).
 */
export class Catalogue {
  private readonly exact = new Map<string, number>();
  private readonly automatic = new Map<string, number>();
  private readonly patterns: { re: RegExp; featureId: number; weight: number }[] = [];
  private readonly merged = new Map<number, number>();
  private readonly byName = new Map<string, number>();

  constructor(rules: readonly CatalogueRule[], features: readonly CatalogueFeature[]) {
    for (const f of features) {
      if (f.mergedInto !== null) this.merged.set(f.id, f.mergedInto);
      this.byName.set(eventKey(f.name), f.id);
    }
    for (const r of rules) {
      const key = eventKey(r.pattern);
      if (isPattern(key)) this.patterns.push({ re: patternRegExp(key), featureId: r.featureId, weight: key.replace(/\*/g, '').length });
      else (r.auto ? this.automatic : this.exact).set(key, r.featureId);
    }
    this.patterns.sort((a, b) => b.weight - a.weight);
  }

  /** The feature a feature id counts as today: itself, or the feature it was merged into. */
  root(featureId: number): number {
    let id = featureId;
    for (let hops = 0; hops < 32; hops++) {
      const next = this.merged.get(id);
      if (next === undefined) return id;
      id = next;
    }
    return id;
  }

  /** The rule-made answer for an event name, or undefined when no rule matches it. */
  resolve(eventName: string): number | undefined {
    const key = eventKey(eventName);
    const exact = this.exact.get(key);
    if (exact !== undefined) return this.root(exact);
    for (const p of this.patterns) if (p.re.test(key)) return this.root(p.featureId);
    const automatic = this.automatic.get(key);
    return automatic === undefined ? undefined : this.root(automatic);
  }

  /** A feature by its name (any case), merged ones included, answered as the feature it counts as today. */
  featureNamed(name: string): number | undefined {
    const id = this.byName.get(eventKey(name));
    return id === undefined ? undefined : this.root(id);
  }

  /** Whether an explicit rule (exact or pattern) covers the name: an automatic rule does not count. */
  covers(eventName: string): boolean {
    const key = eventKey(eventName);
    return this.exact.has(key) || this.patterns.some((p) => p.re.test(key));
  }
}

/** The words of a name, for likeness: lower case, split on anything not a letter or digit, simple plurals made one. */
function words(name: string): string[] {
  return eventKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Two words alike: equal, or one a stem of the other ("export" ~ "exported", "dashboard" ~ "dashboards"). */
function alike(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short.slice(0, Math.max(4, short.length - 2)));
}

/**
 * The feature an unknown event name most resembles by its words ("Exported Report" -> "Report export"), or null
 * when it shares no word with any: a suggestion for the mapping screen, never applied without the CSM.
 */
export function suggestFeature(eventName: string, featureNames: readonly string[]): string | null {
  const mine = words(eventName);
  if (mine.length === 0) return null;
  let best: { name: string; score: number } | null = null;
  for (const name of featureNames) {
    const theirs = words(name);
    if (theirs.length === 0) continue;
    const shared = mine.filter((w) => theirs.some((t) => alike(w, t))).length;
    if (shared === 0) continue;
    const score = shared / Math.max(theirs.length, 1) + shared / mine.length;
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name ?? null;
}
