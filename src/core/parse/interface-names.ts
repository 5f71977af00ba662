/**
 * Comware abbreviates interface types in tables (`display interface brief`, `display vrrp`);
 * configuration and RBM use full names. Facts always carry the full name so that the two sources
 * match. Table from the H3C "Using the CLI" abbreviation list.
 */
const ABBREVIATIONS: Record<string, string> = {
  BAGG: 'Bridge-Aggregation',
  Dia: 'Dialer',
  Eth: 'Ethernet',
  FGE: 'FortyGigE',
  GE: 'GigabitEthernet',
  HGE: 'HundredGigE',
  InLoop: 'InLoopBack',
  Loop: 'LoopBack',
  MEth: 'M-Ethernet',
  'M-Eth': 'M-Ethernet',
  MGE: 'M-GigabitEthernet',
  'M-GE': 'M-GigabitEthernet',
  // Not in the vendor abbreviation list we have: HPE documents an "MP-group" interface type and
  // "E-Ch" sits on channelised/cellular ports ("E-Ch2/0:0"). Both expansions are guesses to be
  // confirmed on a device (`display interface MP0` prints the full name).
  MP: 'MP-group',
  'E-Ch': 'Eth-channel',
  RAGG: 'Route-Aggregation',
  REG: 'Register-Tunnel',
  Ser: 'Serial',
  Tun: 'Tunnel',
  Vlan: 'Vlan-interface',
  'Vlan-int': 'Vlan-interface',
  VT: 'Virtual-Template',
  Vsi: 'Vsi-interface',
  WGE: 'Twenty-FiveGigE',
  XGE: 'Ten-GigabitEthernet',
};

// Upper-cased lookup so `ge1/0/1` (typed by a user) expands too.
const BY_UPPER = new Map(Object.entries(ABBREVIATIONS).map(([k, v]) => [k.toUpperCase(), v]));
const FULL_UPPER = new Map(Object.values(ABBREVIATIONS).map((v) => [v.toUpperCase(), v]));

/** `GE1/0/1` → `GigabitEthernet1/0/1`; full or unknown names are returned unchanged (spaces removed). */
export function expandInterfaceName(name: string): string {
  const compact = name.trim().replace(/\s+(?=\d)/, '');
  const m = /^([A-Za-z][A-Za-z-]*?)(\d.*)$/.exec(compact);
  if (!m) return compact;
  const prefix = m[1] ?? '';
  const rest = m[2] ?? '';
  const full = BY_UPPER.get(prefix.toUpperCase()) ?? FULL_UPPER.get(prefix.toUpperCase());
  return full === undefined ? compact : `${full}${rest}`;
}

/** Full type names (plus a few that have no abbreviation) for recognising interface views. */
export const INTERFACE_TYPES: readonly string[] = [...new Set([...Object.values(ABBREVIATIONS), 'Reth', 'NULL', 'Aux', 'Console'])];

/** Whether `text` is a full interface name of a known type (`GigabitEthernet1/0/1`). */
export function isFullInterfaceName(text: string): boolean {
  const m = /^([A-Za-z][A-Za-z-]*?)(\d[\d/:.]*)$/.exec(text);
  return m !== null && INTERFACE_TYPES.some((t) => t.toLowerCase() === (m[1] ?? '').toLowerCase());
}

/** Whether a token looks like an interface name (type letters followed by a number). */
export function looksLikeInterface(token: string): boolean {
  return /^[A-Za-z][A-Za-z-]*\d[\d/:.]*$/.test(token);
}
