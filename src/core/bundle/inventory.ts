/**
 * An inventory is a CSV with one row per pair whose column headers are dotted paths into the pair
 * file (`devices.a.controlChannel.localIp`, `vrrp.0.vrid`), laid over an optional template pair so
 * a site list only carries what differs per site.
 */
import type { Message } from '../base/message';

const NUMERIC_KEYS = new Set(['port', 'intervalSeconds', 'count', 'delaySeconds', 'vrid', 'id', 'absolute', 'increment']);
const BOOLEAN_KEYS = new Set(['enabled', 'sessions', 'http', 'dns', 'aftPortBlocks', 'lastHops', 'auto', 'staticRoutes']);
const LIST_KEYS = new Set(['interfaces', 'vlans']);

export interface InventoryError {
  row: number; // 1-based data row (header is row 0)
  column?: string;
  message: string;
  /** `message` as a core message (`inventory.…`), for the reader's language. */
  said: Message;
}

type CellProblem = { message: string; said: Message };

function coerce(key: string, value: string, parentKey: string | undefined): unknown {
  if (NUMERIC_KEYS.has(key)) {
    const n = Number(value);
    return Number.isFinite(n) && value.trim() !== '' ? n : value;
  }
  if (BOOLEAN_KEYS.has(key)) {
    if (/^(true|yes|1)$/i.test(value)) return true;
    if (/^(false|no|0)$/i.test(value)) return false;
    return value;
  }
  // monitor.vlans / monitor.interfaces may be given as one cell: "10;20".
  if (LIST_KEYS.has(key) && parentKey === 'monitor') {
    const items = value.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    return key === 'vlans' ? items.map(Number) : items;
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string[], value: string): CellProblem | null {
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const isIndex = /^\d+$/.test(seg);
    if (Array.isArray(node) !== isIndex)
      return { message: `segment "${seg}" does not fit: ${isIndex ? 'expected a name' : 'expected a list index'} here`, said: { code: isIndex ? 'inventory.expected-name' : 'inventory.expected-index', params: { segment: seg } } };
    const container = node as Record<string, unknown>;
    if (last) {
      container[seg] = coerce(seg, value, path[i - 1]);
      return null;
    }
    const nextIsIndex = /^\d+$/.test(path[i + 1]!);
    if (container[seg] === undefined || container[seg] === null) container[seg] = nextIsIndex ? [] : {};
    const next = container[seg];
    if (typeof next !== 'object') {
      const at = path.slice(0, i + 1).join('.');
      return { message: `"${at}" is a value, not a section`, said: { code: 'inventory.not-a-section', params: { path: at } } };
    }
    node = next as Record<string, unknown>;
  }
  return null;
}

/** Rows (header → cell) → pair inputs (not yet validated: the caller runs Pair + validatePair). */
export function inventoryToPairInputs(
  rows: Record<string, string>[],
  template: Record<string, unknown> = {},
): { pairs: { row: number; input: Record<string, unknown> }[]; errors: InventoryError[] } {
  const pairs: { row: number; input: Record<string, unknown> }[] = [];
  const errors: InventoryError[] = [];
  rows.forEach((cells, i) => {
    const input = structuredClone(template);
    let bad = false;
    for (const [column, raw] of Object.entries(cells)) {
      const value = raw.trim();
      if (value === '') continue; // an empty cell keeps the template's value
      const problem = setPath(input, column.trim().split('.'), value);
      if (problem) {
        errors.push({ row: i + 1, column, ...problem });
        bad = true;
      }
    }
    if (!bad) pairs.push({ row: i + 1, input });
  });
  return { pairs, errors };
}
