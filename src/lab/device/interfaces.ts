/**
 * Interface names as Comware spells them: full type names, the CLI's unique-prefix forms
 * (`g1/0/1`, `gigabitethernet 1/0/1`) and the short forms that brief displays print (`GE1/0/1`).
 * Kept as one table so the CLI parser and the displays agree.
 */
interface IfType {
  full: string;
  /** Abbreviation printed by `display interface brief` / `display vrrp` and accepted as input. */
  short: string;
}

const TYPES: readonly IfType[] = [
  { full: 'GigabitEthernet', short: 'GE' },
  { full: 'M-GigabitEthernet', short: 'MGE' },
  { full: 'Ten-GigabitEthernet', short: 'XGE' },
  { full: 'Route-Aggregation', short: 'RAGG' },
  { full: 'LoopBack', short: 'Loop' },
  { full: 'InLoopBack', short: 'InLoop' },
  { full: 'NULL', short: 'NULL' },
  { full: 'Vlan-interface', short: 'Vlan-int' },
];

/** Full type names, for `?` help on an interface parameter. */
export const INTERFACE_TYPES: readonly string[] = TYPES.map((t) => t.full);

const NUMBER_RE = /^\d+(?:\/\d+)*(?:\.\d+)?$/;

/**
 * Resolve a typed interface type (+ number) to the full type name. `typed` may be an exact short
 * form (GE), or a unique case-insensitive prefix of a full name (g, gig, m-gi). Returns 'ambiguous'
 * when a prefix fits several types.
 */
export function resolveType(typed: string): string | 'ambiguous' | undefined {
  const t = typed.toLowerCase();
  const exact = TYPES.find((x) => x.full.toLowerCase() === t || x.short.toLowerCase() === t);
  if (exact) return exact.full;
  const hits = TYPES.filter((x) => x.full.toLowerCase().startsWith(t));
  // Only the start of a full name counts (`g` is GigabitEthernet, not M-GigabitEthernet).
  if (hits.length > 1) return 'ambiguous';
  return hits[0]?.full;
}

/** Split `GE1/0/1` into type text and number; undefined when there is no trailing number. */
function splitName(text: string): { type: string; num: string } | undefined {
  const m = /^([A-Za-z][A-Za-z-]*?)(\d+(?:\/\d+)*(?:\.\d+)?)$/.exec(text);
  return m ? { type: m[1] as string, num: m[2] as string } : undefined;
}

/**
 * Normalise one or two CLI tokens (`g1/0/1` or `gigabitethernet`, `1/0/1`) to a full interface name.
 * `consumed` says how many tokens were used.
 */
export function parseInterfaceTokens(tokens: readonly string[]): { name: string; consumed: number } | { error: 'ambiguous' | 'wrong' } {
  const first = tokens[0];
  if (first === undefined) return { error: 'wrong' };
  const joined = splitName(first);
  if (joined) {
    const type = resolveType(joined.type);
    if (type === 'ambiguous') return { error: 'ambiguous' };
    return type ? { name: type + joined.num, consumed: 1 } : { error: 'wrong' };
  }
  const type = resolveType(first);
  if (type === 'ambiguous') return { error: 'ambiguous' };
  const num = tokens[1];
  if (!type || num === undefined || !NUMBER_RE.test(num)) return { error: 'wrong' };
  return { name: type + num, consumed: 2 };
}

/** `GigabitEthernet1/0/1` → `GE1/0/1` (display abbreviations). */
export function shortName(full: string): string {
  const t = [...TYPES].sort((a, b) => b.full.length - a.full.length).find((x) => full.startsWith(x.full));
  return t ? t.short + full.slice(t.full.length) : full;
}
