/**
 * A deterministic "natural" order for unit ids and building names, so rolls read 2-1-101 before 10-1-101.
 * Runs of ASCII digits compare by numeric value, everything else by UTF-16 code unit; no locale involved,
 * so every machine and every replay sorts alike. Ties (e.g. `01` vs `1`) fall back to plain comparison,
 * which makes the order total.
 */
const RUNS = /\d+|\D+/g;

/** The pieces compared: digit runs without leading zeros, other runs as they are. */
type NaturalKey = readonly string[];

function naturalKey(text: string): NaturalKey {
  return (text.match(RUNS) ?? []).map((run) => (isDigits(run) ? run.replace(/^0+(?=\d)/, '') : run));
}

function compareKeys(a: string, ka: NaturalKey, b: string, kb: NaturalKey): number {
  if (a === b) return 0;
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const x = ka[i]!;
    const y = kb[i]!;
    if (x === y) continue;
    if (isDigits(x) && isDigits(y) && x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : 1;
  }
  if (ka.length !== kb.length) return ka.length - kb.length;
  return a < b ? -1 : 1;
}

export function compareNatural(a: string, b: string): number {
  return compareKeys(a, naturalKey(a), b, naturalKey(b));
}

/** Sorts a copy of `items` by the natural order of `text(item)`, computing each key once. */
export function sortNatural<T>(items: Iterable<T>, text: (item: T) => string): T[] {
  const decorated = Array.from(items, (item) => {
    const s = text(item);
    return { item, s, key: naturalKey(s) };
  });
  decorated.sort((p, q) => compareKeys(p.s, p.key, q.s, q.key));
  return decorated.map((d) => d.item);
}

function isDigits(run: string): boolean {
  const c = run.charCodeAt(0);
  return c >= 48 && c <= 57;
}
