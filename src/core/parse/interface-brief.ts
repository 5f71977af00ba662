import type { InterfaceFact } from '../model/facts';
import { expandInterfaceName, looksLikeInterface } from './interface-names';
import { cleanLines, isEmptyValue, isIp, quote, tokens, type Parsed } from './text';

export interface BriefInterface extends InterfaceFact {
  /** Section the row came from: Layer 3 (route) or Layer 2 (bridge) port. */
  mode: 'route' | 'bridge';
  speed?: string;
  duplex?: string;
  portType?: string; // A access, T trunk, H hybrid
  pvid?: number;
}

type Section = 'route' | 'bridge';

const LINK: Record<string, InterfaceFact['link']> = { UP: 'up', DOWN: 'down', ADM: 'adm', STBY: 'stby' };

// Legend lines that explain abbreviations; they vary by release and carry no data.
const LEGEND = /^\s*(?:Link|Protocol|Speed|Duplex|Speed or Duplex|Type):\s.*(?:-|\().*$/i;
// "Brief information on interfaces in route mode:" or, on other releases,
// "The brief information of interface(s) under bridge mode:".
const TITLE = /^\s*(?:Brief information on interfaces?\s+in|The brief information of interface(?:\(s\)|s)?\s+under)\s+(route|bridge)\s+mode\b/i;

/** The columns after name and link, fixed per section; the description takes the rest. */
function readRow(section: Section, t: string[], line: string): Omit<BriefInterface, 'name' | 'link'> {
  if (section === 'route') {
    const [protocol, ip] = [t[2], t[3]];
    const row: Omit<BriefInterface, 'name' | 'link'> = { mode: 'route' };
    if (protocol !== undefined) row.protocol = protocol;
    if (ip !== undefined && isIp(ip)) row.address = ip;
    const description = descriptionAfter(line, 4);
    if (description) row.description = description;
    return row;
  }
  const row: Omit<BriefInterface, 'name' | 'link'> = { mode: 'bridge' };
  if (t[2] !== undefined) row.speed = t[2];
  if (t[3] !== undefined) row.duplex = t[3];
  if (t[4] !== undefined && !isEmptyValue(t[4])) row.portType = t[4];
  const pvid = t[5] !== undefined && /^\d+$/.test(t[5]) ? Number(t[5]) : undefined;
  if (pvid !== undefined) row.pvid = pvid;
  const description = descriptionAfter(line, 6);
  if (description) row.description = description;
  return row;
}

/** Text after the first `n` whitespace-separated fields (descriptions keep their inner spaces). */
function descriptionAfter(line: string, n: number): string | undefined {
  const m = new RegExp(String.raw`^\s*(?:\S+\s+){${n}}(.*)$`).exec(line);
  const d = m?.[1]?.trim();
  return d ? d : undefined;
}

/**
 * Parse `display interface brief`: the route-mode (Layer 3) and bridge-mode (Layer 2) tables.
 * The section is taken from each column header (Protocol/Primary IP vs Speed/Duplex), so output
 * without the "Brief information ..." titles still parses. Names are expanded (GE → GigabitEthernet).
 */
export function parseInterfaceBrief(text: string): Parsed<{ interfaces: BriefInterface[] }> {
  const interfaces: BriefInterface[] = [];
  const warnings: string[] = [];
  let section: Section | undefined;
  for (const line of cleanLines(text)) {
    if (line.trim() === '') continue;
    const title = TITLE.exec(line);
    if (title) {
      section = (title[1] ?? '').toLowerCase() === 'bridge' ? 'bridge' : 'route';
      continue;
    }
    if (/^\s*Interface\s+Link\b/i.test(line)) {
      // Older builds say "Main IP" where newer say "Primary IP"; either way it is the route table.
      section = /\bSpeed\b|\bDuplex\b/i.test(line) ? 'bridge' : 'route';
      continue;
    }
    if (LEGEND.test(line)) continue;
    const t = tokens(line);
    const name = t[0] ?? '';
    const link = LINK[(t[1] ?? '').toUpperCase()];
    if (!section || !looksLikeInterface(name) || link === undefined) {
      warnings.push(`display interface brief: unrecognised line ${quote(line)}`);
      continue;
    }
    interfaces.push({ name: expandInterfaceName(name), link, ...readRow(section, t, line) });
  }
  if (interfaces.length === 0) warnings.push('display interface brief: no interface rows');
  return { value: { interfaces }, warnings };
}
