// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProbeOutcome } from '../../renderer/src/features/pairing/wizard/ProbeOutcome';
import { i18n } from '../../renderer/src/i18n';
import { describeVerdict, verdictMessage } from '../../src/core/probe/pair';
import type { LineVerdict } from '../../src/core/probe/types';
import { PSEUDO_LANGUAGE, pseudoResources } from '../../src/i18n/pseudo';

// The lines the devices did not confirm, after a push the host refused: each verdict comes with
// its message, so the page says it in the reader's language and keeps the device's words.
const verdict: LineVerdict = { line: 'keepalive interval 1', view: 'remote-backup group', status: 'unknown', position: 2, keyword: 'interval', offered: ['count', 'intervl'] };
const probe = { status: 'refused' as const, unconfirmed: [describeVerdict('a', verdict)], unconfirmedSaid: [verdictMessage('a', verdict)] };
const DEVICE = ['keepalive interval 1', 'remote-backup group', 'interval', 'count, intervl'];
const line = (c: HTMLElement) => c.querySelector('li code')!.textContent!;
const bare = (text: string) => {
  let s = text;
  for (const v of [...DEVICE].sort((x, y) => y.length - x.length)) s = s.split(v).join(' ');
  while (/［[^［］]*］/.test(s)) s = s.replace(/［[^［］]*］/g, ' ');
  return s.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w));
};

afterEach(cleanup);
afterAll(async () => {
  await i18n.changeLanguage('en');
});

describe('the push refused for lines the devices did not confirm', () => {
  it('names each line in English as the host wrote it', async () => {
    await act(async () => void (await i18n.changeLanguage('en')));
    expect(line(render(<ProbeOutcome probe={probe} />).container)).toBe(probe.unconfirmed[0]);
  });

  it('in Chinese, with the line, view and the device’s words kept', async () => {
    await act(async () => void (await i18n.changeLanguage('zh-CN')));
    const text = line(render(<ProbeOutcome probe={probe} />).container);
    expect(text).toContain('无法识别');
    for (const v of DEVICE) expect(text).toContain(v);
    expect(text).not.toContain('unknown');
  });

  it('from the catalogue in the pseudo-locale', async () => {
    for (const [ns, messages] of Object.entries(pseudoResources()[PSEUDO_LANGUAGE]!)) i18n.addResourceBundle(PSEUDO_LANGUAGE, ns, messages);
    await act(async () => void (await i18n.changeLanguage(PSEUDO_LANGUAGE)));
    expect(bare(line(render(<ProbeOutcome probe={probe} />).container))).toEqual([]);
  });
});
