import { CATALOGUES, NAMESPACES } from './catalogues';

/**
 * The pseudo-locale of the tests: every English message wrapped in ［…］. Output formatted in it
 * shows letters outside brackets only where text bypassed the catalogue (or is data: names,
 * paths, device text), which is what the tests look for. Never offered to users.
 */
export const PSEUDO_LANGUAGE = 'pseudo';

const wrap = (v: unknown): unknown => (typeof v === 'string' ? `［${v}］` : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrap(x)])) : v);

export function pseudoResources(): Record<string, object> {
  return { [PSEUDO_LANGUAGE]: Object.fromEntries(NAMESPACES.map((ns) => [ns, wrap(CATALOGUES.en[ns])])) };
}
