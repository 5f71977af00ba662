// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../renderer/src/features/pairing/DiagnosticList';
import { i18n } from '../../renderer/src/i18n';
import { checkPairText } from '../../src/host/pair-text';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';
import { bareEnglish } from './i18n-pseudo/helpers';

// The pair editor's findings list with what the host sends for a file that does not load: the
// message and fix come from the load problem's code, so no English is left beside the rule id and
// path (which name things in the file and stay as written).
const GOOD = `name: lab
mode: active-standby
controlChannel:
  keepalive: { intervalSeconds: 1, count: 3 }
track:
  - { id: 1, interface: GigabitEthernet1/0/2 }
devices:
  a: { sysname: FW1, role: primary, connect: ssh://admin@127.0.0.1:2201, controlChannel: { localIp: 10.2.1.1 }, dataChannel: { interface: GigabitEthernet1/0/3 } }
  b: { sysname: FW2, role: secondary, connect: ssh://admin@127.0.0.1:2202, controlChannel: { localIp: 10.2.1.2 }, dataChannel: { interface: GigabitEthernet1/0/3 } }
`;
const BAD = [
  GOOD.replace('  keepalive:', '  keepalve:'),
  GOOD.replace('count: 3', 'count: three'),
  GOOD.replace('mode: active-standby', 'mode: active'),
  GOOD.replace('{ id: 1, interface', '{ id: 0, interface'),
  'name: x\ndevices:\n\ta: 1\n',
  `${'['.repeat(100)}${']'.repeat(100)}`,
];
const diagnostics = BAD.flatMap((t) => checkPairText(t).diagnostics);

afterEach(cleanup);
afterAll(async () => {
  await i18n.changeLanguage('en');
});

/** The file's words (key names and values), and the names of formats a Chinese sentence keeps. */
const allowed = (text: string) => !/[A-Za-z]{2,}/.test(text.replace(/[\w-]*\d[\w./-]*|YAML|JSON|KB|NUL|Tab|"[^"]*"|“[^”]*”|\{[^}]*\}/g, '').replace(/\b(active-standby|dual-active|mirroring|port|keepalive|keepalve|sysname)\b/g, ''));

describe('the pair editor\'s load findings', () => {
  it('are in Chinese, message and fix, rule ids and paths kept', async () => {
    await i18n.changeLanguage('zh-CN');
    const { container } = render(<DiagnosticList diagnostics={diagnostics} showPath />);
    const items = [...container.querySelectorAll('li')];
    expect(items).toHaveLength(diagnostics.length);
    for (const li of items) {
      const message = li.querySelector('.diag-message')!.textContent!;
      const fix = li.querySelector('.diag-fix')?.textContent ?? '';
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(fix).toMatch(/[\u4e00-\u9fff]/);
      expect(allowed(message) && allowed(fix), `${message} / ${fix}`).toBe(true);
    }
    expect(container.querySelector('.diag-path')!.textContent).toBe('controlChannel.keepalve');
  });

  it('come from the catalogue in the pseudo-locale: nothing bare but the file\'s own words', async () => {
    for (const [ns, messages] of Object.entries(pseudoResources()[PSEUDO_LANGUAGE]!)) i18n.addResourceBundle(PSEUDO_LANGUAGE, ns, messages);
    await i18n.changeLanguage(PSEUDO_LANGUAGE);
    const { container } = render(<DiagnosticList diagnostics={diagnostics} showPath />);
    expect(bareEnglish(container, new Set())).toEqual([]);
  });
});
