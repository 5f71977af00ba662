/**
 * The platform pack's strings compiled once into the regular expressions the channel and the
 * session use. Nothing vendor-specific is written anywhere else in the channel or session.
 */
import type { PlatformPack } from '../platforms/pack';

export interface Confirmation {
  re: RegExp;
  answer: string;
  abort: boolean;
  source: string;
}

export interface CompiledPack {
  /** Any prompt at the very end of the text (groups: rbm prefix, bracket, body). */
  prompt: RegExp;
  pager: RegExp;
  pagerKey: string;
  confirmations: Confirmation[];
  /** Per-line error patterns (multiline flag: `^` is a line start). */
  errors: { re: RegExp; kind: string }[];
  /** Matches one async log line (multiline). */
  logLine: RegExp;
  login: {
    pressEnter: RegExp;
    username: RegExp;
    password: RegExp;
    firstLogin: RegExp;
    oldPassword: RegExp;
    newPassword: RegExp;
    confirmPassword: RegExp;
    authFailed: RegExp;
    lockedOut: RegExp;
  };
  saveOk: RegExp;
  lineMax: number;
}

const cache = new WeakMap<PlatformPack, CompiledPack>();

export function compilePack(pack: PlatformPack): CompiledPack {
  const hit = cache.get(pack);
  if (hit) return hit;
  const l = pack.login;
  const compiled: CompiledPack = {
    prompt: new RegExp(pack.prompts.any),
    pager: new RegExp(pack.pager.marker),
    pagerKey: pack.pager.continueKey,
    // the more specific questions (reboot) come last in the table, so test in reverse order:
    // the last matching entry wins and an `abort` entry can never be shadowed by a generic one
    confirmations: pack.confirmations
      .map((c) => ({ re: new RegExp(c.pattern), answer: c.answer, abort: c.abort === true, source: c.pattern }))
      .reverse(),
    errors: pack.errors.map((e) => ({ re: new RegExp(e.pattern, 'm'), kind: e.kind })),
    logLine: new RegExp(pack.session.logLine),
    login: {
      pressEnter: new RegExp(l.pressEnter),
      username: new RegExp(l.username),
      password: new RegExp(l.password),
      firstLogin: new RegExp(l.firstLogin),
      oldPassword: new RegExp(l.oldPassword, 'i'),
      newPassword: new RegExp(l.newPassword, 'i'),
      confirmPassword: new RegExp(l.confirmPassword, 'i'),
      authFailed: new RegExp(l.authFailed),
      lockedOut: new RegExp(l.lockedOut, 'i'),
    },
    saveOk: new RegExp(pack.session.saveOk),
    lineMax: pack.session.lineMax,
  };
  cache.set(pack, compiled);
  return compiled;
}

/** The prompt at the end of `tail`, without surrounding blanks, or undefined. */
export function matchPrompt(cp: CompiledPack, tail: string): { text: string; rbm?: string; bracket: string; body: string } | undefined {
  const m = cp.prompt.exec(tail);
  if (!m) return undefined;
  const text = m[0].replace(/^[\r\n\u0001\x00]+/, '').trim();
  const out: { text: string; rbm?: string; bracket: string; body: string } = { text, bracket: m[2] ?? '', body: m[3] ?? '' };
  if (m[1]) out.rbm = m[1];
  return out;
}

export function matchConfirmation(cp: CompiledPack, tail: string): Confirmation | undefined {
  return cp.confirmations.find((c) => c.re.test(tail));
}
