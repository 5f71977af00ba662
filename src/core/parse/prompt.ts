import { isFullInterfaceName } from './interface-names';
import type { Parsed } from './text';

export interface PromptFact {
  /** `RBM_P` / `RBM_S` when hot backup runs, '' otherwise. */
  prefix: '' | 'RBM_P' | 'RBM_S';
  view: 'user' | 'system' | 'subview';
  sysname: string;
  /** The part after `<sysname>-` in a feature view, e.g. `remote-backup-group`; '' otherwise. */
  subview: string;
  /** Text between the brackets. */
  body: string;
}

// Same shape as the pack's prompt regex (vendor CLI notes): optional NUL, RBM prefix, <…> or […], [Y/N] excluded.
const PROMPT = /^\x00?(RBM_[PS])?([<[])((?![Yy]\/[Nn]\])[^\r\n<>[\]]+)([>\]])\s*$/;

// Feature views whose name follows `<sysname>-`; used to split the body when the sysname is not known.
const SUBVIEWS = [
  /^remote-backup-group$/i,
  /^vlan\d+$/i,
  /^track-\d+$/i,
  /^luser-(?:manage|network)-.+$/i,
  /^line-.+$/i,
  /^(?:ospf|bgp|isis|rip)-.+$/i,
  /^nqa-.+$/i,
  /^acl-.+$/i,
  /^(?:security-zone|zone-pair|security-policy|object-group|nat|ike|ipsec)-?.*$/i,
];

/**
 * Parse a CLI prompt (the last non-empty line of `text`). Pass the known sysname to split the
 * body exactly, because a sysname may itself contain `-` (vendor CLI notes).
 */
export function parsePrompt(text: string, knownSysname?: string): Parsed<PromptFact | undefined> {
  const lines = (typeof text === 'string' ? text : '').split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  const last = lines[lines.length - 1];
  const m = last === undefined ? null : PROMPT.exec(last);
  if (!m || (m[2] === '<') !== (m[4] === '>')) return { value: undefined, warnings: [`not a prompt: ${JSON.stringify((last ?? '').slice(0, 80))}`] };
  const prefix = (m[1] ?? '') as PromptFact['prefix'];
  const body = m[3] ?? '';
  if (m[2] === '<') return { value: { prefix, view: 'user', sysname: body, subview: '', body }, warnings: [] };
  if (knownSysname !== undefined && knownSysname !== '') {
    if (body === knownSysname) return { value: { prefix, view: 'system', sysname: body, subview: '', body }, warnings: [] };
    if (body.startsWith(`${knownSysname}-`)) {
      return { value: { prefix, view: 'subview', sysname: knownSysname, subview: body.slice(knownSysname.length + 1), body }, warnings: [] };
    }
    return { value: { prefix, view: 'system', sysname: body, subview: '', body }, warnings: [`prompt ${JSON.stringify(body)} does not start with sysname ${JSON.stringify(knownSysname)}`] };
  }
  // Without a known sysname: the first `-` that leaves a recognisable feature view wins.
  for (let i = body.indexOf('-'); i > 0; i = body.indexOf('-', i + 1)) {
    const rest = body.slice(i + 1);
    if (isFullInterfaceName(rest) || SUBVIEWS.some((re) => re.test(rest))) {
      return { value: { prefix, view: 'subview', sysname: body.slice(0, i), subview: rest, body }, warnings: [] };
    }
  }
  return { value: { prefix, view: 'system', sysname: body, subview: '', body }, warnings: [] };
}
