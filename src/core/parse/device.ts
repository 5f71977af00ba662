import { cleanLines, quote, tokens, type Parsed } from './text';

export interface SlotInfo {
  slot: string;
  type?: string;
  state?: string; // Master, Standby, Normal, Absent, Fault
  subslots?: string;
  softVersion?: string;
  patchVersion?: string;
}

// Multi-word column titles seen across releases, mapped to one field each. Longest first so
// that "Brd Status" wins over "Status".
const COLUMNS: [RegExp, keyof SlotInfo][] = [
  [/^Slot(?:\s+No\.?)?/i, 'slot'],
  [/^(?:Brd|Board)\s+Type/i, 'type'],
  [/^(?:Brd|Board)\s+Status/i, 'state'],
  [/^Subslot(?:\s+Num)?/i, 'subslots'],
  [/^(?:Soft|Sft|Software)\s+Ver(?:sion)?/i, 'softVersion'],
  [/^Patch\s+Ver(?:sion)?/i, 'patchVersion'],
  [/^Type/i, 'type'],
  [/^(?:State|Status)/i, 'state'],
];

/** Header text → ordered field list, or undefined when a title is unknown. */
function headerColumns(line: string): (keyof SlotInfo | undefined)[] {
  const cols: (keyof SlotInfo | undefined)[] = [];
  let rest = line.trim();
  while (rest.length > 0) {
    const hit = COLUMNS.find(([re]) => re.test(rest));
    if (hit) {
      const m = hit[0].exec(rest);
      cols.push(hit[1]);
      rest = rest.slice(m?.[0].length ?? 1).trimStart();
    } else {
      // Unknown title: keep its position so later columns still line up.
      cols.push(undefined);
      rest = rest.replace(/^\S+\s*/, '');
    }
  }
  return cols;
}

/**
 * Parse `display device`: one row per slot. Rows are split on whitespace (the doc's advice:
 * column widths vary by release) and assigned to the header's columns in order.
 */
export function parseDevice(text: string): Parsed<{ slots: SlotInfo[] }> {
  const slots: SlotInfo[] = [];
  const warnings: string[] = [];
  let columns: (keyof SlotInfo | undefined)[] | undefined;
  for (const line of cleanLines(text)) {
    if (line.trim() === '' || /^\s*-{3,}\s*$/.test(line)) continue;
    if (/^\s*Slot\b/i.test(line) && /\b(?:Type|State|Status)\b/i.test(line)) {
      columns = headerColumns(line);
      continue;
    }
    const t = tokens(line);
    if (!columns || !/^\d+(?:\/\d+)*$/.test(t[0] ?? '')) {
      warnings.push(`display device: unrecognised line ${quote(line)}`);
      continue;
    }
    const slot: SlotInfo = { slot: t[0] ?? '' };
    columns.forEach((field, i) => {
      const v = t[i];
      if (field && field !== 'slot' && v !== undefined) slot[field] = v;
    });
    if (t.length > columns.length) warnings.push(`display device: extra columns in ${quote(line)}`);
    slots.push(slot);
  }
  if (slots.length === 0) warnings.push('display device: no slot rows');
  return { value: { slots }, warnings };
}
