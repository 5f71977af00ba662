import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { i18n } from '../../../renderer/src/i18n';
import { setBridge } from '../../../renderer/src/services/api';
import { useStore } from '../../../renderer/src/store/index';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../../src/i18n/pseudo';
import { fakeBridge } from '../fake-bridge';

/*
 * The pseudo-locale check of the screens (src/i18n/pseudo.ts: every English message wrapped in
 * ［…］). Rendered in it, a screen whose text all comes from the catalogue shows letters only
 * inside brackets; a string written into a component shows up bare, and bareEnglish names it.
 */

const initial = useStore.getState();

/** Runs the calling file's tests in the pseudo-locale, each from a fresh store and without a host. */
export function inPseudoLocale(): void {
  beforeAll(async () => {
    for (const [ns, messages] of Object.entries(pseudoResources()[PSEUDO_LANGUAGE]!)) i18n.addResourceBundle(PSEUDO_LANGUAGE, ns, messages);
    await i18n.changeLanguage(PSEUDO_LANGUAGE);
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });
  beforeEach(() => useStore.setState(initial, true));
  afterEach(() => {
    cleanup();
    setBridge(undefined);
  });
}

/** The whole app over a fake host with these answers. */
export function renderApp(answers: Record<string, unknown>) {
  const fake = fakeBridge(answers as never);
  setBridge(fake.bridge);
  render(<App />);
  return fake;
}

/** An app message by key, as the pseudo-locale shows it: to find controls the way a user of that language would. */
export const ta = (key: string, params?: Record<string, unknown>) => i18n.t(`app:${key}`, params ?? {});

const bracketed = (s: string) => s.startsWith('［') && s.endsWith('］');

/** Text the app shows as it is: data from the host, device names, rule ids and paths, the brand. */
export function bareEnglish(root: Element, allowed: Set<string>): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent!.trim();
    if (!/[A-Za-z]/.test(text) || bracketed(text) || allowed.has(text)) continue;
    // rule ids, paths, fingerprints, key lines, device commands and scripts are shown as they are
    if (n.parentElement?.closest('.diag-rule, .diag-path, code, pre')) continue;
    out.push(text);
  }
  for (const el of root.querySelectorAll('[aria-label], [title]'))
    for (const attr of ['aria-label', 'title']) {
      const v = el.getAttribute(attr);
      if (v && /[A-Za-z]/.test(v) && !bracketed(v)) out.push(`${attr}="${v}"`);
    }
  return out;
}

/** bareEnglish over the screen being shown. */
export const screenEnglish = (allowed: Set<string>) => bareEnglish(document.querySelector('.screen')!, allowed);

/** Downloads the app offers, caught before the browser would save them; restore() ends the catch. */
export function catchDownloads() {
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { restore: () => click.mockRestore() };
}

export const RUNS = [{ pair: 'site-1', startedAt: '2026-01-01T09:00:00.000Z', outcome: 'success', interrupted: false, applied: { a: 20, b: 22 }, journal: '/data/journal/site-1.jsonl' }];
export const LAB = { state: 'running', devices: [{ key: 'a', sysname: 'FW1', ssh: { host: '127.0.0.1', port: 2201, username: 'admin' } }] };

// Values the host sends, shown as they are.
export const DATA = new Set([
  ...['HotPair', 'A', 'lab', 'The built-in lab', 'active-standby', 'site-1', 'FW1', 'English', '简体中文'],
  // settings, bundles and console data: a login's name and URL, a known host, file names, the session
  ...['admin-fw', 'ssh://10.0.0.1', '· ssh://10.0.0.1', '127.0.0.1:2201', 'ssh-ed25519', 'site-1.hpb', 'site-1.hpb:', 'comware7', 'schema unavailable', 'a.cfg', 'device A channel', ': remote-backup group'],
  ...['ssh admin@127.0.0.1:2201', '/dev/ttyUSB0 — FTDI'],
]);

export const SETTINGS_ANSWERS = {
  'settings.knownHosts': () => ({ ok: true, data: { file: '/data/known_hosts', hosts: [{ host: '127.0.0.1', port: 2201, type: 'ssh-ed25519', fingerprint: 'SHA256:host' }] } }),
  'settings.credentials': () => ({ ok: true, data: { store: 'keychain', locked: false, credentials: [{ id: 'c1', label: 'admin-fw', username: 'admin', url: 'ssh://10.0.0.1' }] } }),
};

export const CONSOLE_ANSWERS = {
  'console.open': (i: Record<string, unknown>) =>
    !i.acceptHostKey
      ? { ok: false, error: { code: 'HOST_KEY_UNKNOWN', message: 'unknown', details: { host: '127.0.0.1', port: 2201, type: 'ssh-ed25519', fingerprint: 'SHA256:host' } } }
      : { ok: true, data: { sessionId: 'c-1', label: 'ssh admin@127.0.0.1:2201', kind: 'ssh', prompt: '<FW1>' } },
  'console.write': (): unknown => ({ ok: true, data: {} }),
  'console.resize': () => ({ ok: true, data: { applied: true } }),
  'devices.listPorts': () => ({ ok: true, data: { ports: [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }] } }),
};
