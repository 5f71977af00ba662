/** What a prompt says about where the CLI is: view, sub-view, sysname, RBM prefix. */
import type { PromptMatch } from './command';
import type { PromptInfo } from './types';

export function describePrompt(p: PromptMatch, knownHost: string | undefined, userBracket = '<'): PromptInfo {
  const base = { text: p.text, ...(p.rbm ? { rbmPrefix: p.rbm } : {}) };
  if (p.bracket === userBracket) return { ...base, view: 'user', subview: '', hostname: p.body };
  if (knownHost && p.body === knownHost) return { ...base, view: 'system', subview: '', hostname: p.body };
  if (knownHost && p.body.startsWith(knownHost + '-')) {
    return { ...base, view: 'subview', subview: p.body.slice(knownHost.length + 1), hostname: knownHost };
  }
  // sysname unknown or just changed: a body without '-' is the system view of a new sysname
  const dash = p.body.indexOf('-');
  if (dash < 0) return { ...base, view: 'system', subview: '', hostname: p.body };
  return { ...base, view: 'subview', subview: p.body.slice(dash + 1), hostname: p.body.slice(0, dash) };
}
