import IntlMessageFormat from 'intl-messageformat';

/** Every string leaf of a catalogue object, by its dotted key. */
export function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj !== null && typeof obj === 'object')
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flatten(v, prefix === '' ? k : `${prefix}.${k}`)) out.set(kk, vv);
  return out;
}

interface Node {
  type: number;
  value?: string;
  options?: Record<string, { value: Node[] }>;
  children?: Node[];
}

/**
 * The argument names an ICU message uses (select and plural included). A select over `xKey` counts
 * as `x`: it is the select-safe form of the same param (see src/i18n/params.ts).
 */
export function argumentNames(message: string, locale: string): Set<string> {
  const ast = new IntlMessageFormat(message, locale).getAst() as unknown as Node[];
  const names = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag
      if ([1, 2, 3, 4, 5, 6].includes(n.type) && n.value !== undefined) names.add(n.value.replace(/Key$/, ''));
      for (const o of Object.values(n.options ?? {})) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(ast);
  return names;
}
