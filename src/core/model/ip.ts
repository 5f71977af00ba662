import ipaddr from 'ipaddr.js';

export type Family = 'ipv4' | 'ipv6';

export interface Cidr {
  ip: string;
  prefix: number;
  family: Family;
}

/** A plain address (no prefix) in canonical form, or null. */
export function parseIp(text: string): { ip: string; family: Family } | null {
  if (typeof text !== 'string' || !ipaddr.isValid(text)) return null;
  // ipaddr accepts legacy forms such as "10.1" or "0x0a.1.1.1"; appliances do not, so demand four dotted decimals.
  if (!text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  const a = ipaddr.parse(text);
  return { ip: a.toString(), family: a.kind() };
}

/** "10.1.1.1/24" or "2001:db8::1/64" → Cidr, or null. */
export function parseCidr(text: string): Cidr | null {
  if (typeof text !== 'string') return null;
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (ip.family === 'ipv4' ? 32 : 128)) return null;
  return { ...ip, prefix };
}

export function familyOf(text: string): Family | null {
  return parseIp(text)?.family ?? parseCidr(text)?.family ?? null;
}

/** Dotted mask for an IPv4 prefix length (Comware's `ip address A.B.C.D MASK`). */
export function prefixToMask(prefix: number): string {
  return ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
}

export function sameSubnet(a: Cidr, b: string): boolean {
  const ip = parseIp(b);
  if (!ip || ip.family !== a.family) return false;
  return ipaddr.parse(ip.ip).match(ipaddr.parse(a.ip), a.prefix);
}

/** Compare two addresses of one family numerically; used for "the higher IP is the server". */
export function compareIp(a: string, b: string): number {
  const x = ipaddr.parse(a).toByteArray();
  const y = ipaddr.parse(b).toByteArray();
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function isLinkLocalV6(text: string): boolean {
  const ip = parseIp(text.split('/')[0] ?? '');
  return ip?.family === 'ipv6' && ipaddr.parse(ip.ip).range() === 'linkLocal';
}
