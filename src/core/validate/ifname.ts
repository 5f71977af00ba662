/**
 * Interface names as Comware accepts them: case-insensitive and abbreviable (GE1/0/1 is
 * GigabitEthernet1/0/1). Rules compare names through `sameInterface` so that a user who writes
 * the short form in one place and the long form in another is not told the two differ.
 */
const ABBREVIATIONS: [RegExp, string][] = [
  [/^(?:ge|gigabitethernet)(?=\d)/i, 'gigabitethernet'],
  [/^(?:xge|ten-gigabitethernet)(?=\d)/i, 'ten-gigabitethernet'],
  [/^(?:fge|forty-gigabitethernet)(?=\d)/i, 'forty-gigabitethernet'],
  [/^(?:hge|hundredgige)(?=\d)/i, 'hundredgige'],
  [/^(?:rage|ragg|route-aggregation)(?=\d)/i, 'route-aggregation'],
  [/^(?:bagg|bridge-aggregation)(?=\d)/i, 'bridge-aggregation'],
  [/^(?:vlan-int|vlan-interface)(?=\d)/i, 'vlan-interface'],
  [/^(?:mgmt|m-gigabitethernet)(?=\d)/i, 'm-gigabitethernet'],
];

export function interfaceKey(name: string): string {
  const t = name.trim();
  for (const [re, full] of ABBREVIATIONS) if (re.test(t)) return t.replace(re, full).toLowerCase();
  return t.toLowerCase();
}

export const sameInterface = (x: string | undefined, y: string | undefined): boolean =>
  x !== undefined && y !== undefined && interfaceKey(x) === interfaceKey(y);
