/**
 * Comparing two readings of `display current-configuration` as text: each line qualified by the
 * view it sits in (`interface GigabitEthernet1/0/1 > ip address …`), spaces normalised, so the
 * report says exactly which lines differ and where, whatever order the device printed views in.
 */
import { parseCurrentConfig, type ConfigNode } from '../parse/current-config';

function flatten(nodes: readonly ConfigNode[], prefix: string, out: string[]): void {
  for (const n of nodes) {
    const path = prefix ? `${prefix} > ${n.text}` : n.text;
    out.push(path);
    flatten(n.children, path, out);
  }
}

export function configLines(text: string): string[] {
  const out: string[] = [];
  flatten(parseCurrentConfig(text).nodes, '', out);
  return out;
}

/** `- line`: in `before` only (lost); `+ line`: in `after` only (left over). Empty: same configuration. */
export function configDifferences(before: string, after: string): string[] {
  const count = new Map<string, number>();
  for (const l of configLines(before)) count.set(l, (count.get(l) ?? 0) + 1);
  const extra: string[] = [];
  for (const l of configLines(after)) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else extra.push(`+ ${l}`);
  }
  const missing: string[] = [];
  for (const [l, n] of count) for (let i = 0; i < n; i++) missing.push(`- ${l}`);
  return [...missing, ...extra];
}
