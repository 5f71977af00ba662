import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabStatus } from '../../src/contract/index';
import { KnownHostsStore } from '../../src/core/known-hosts';
import { openSession } from '../../src/core/session/node/open';
import { sha256 } from '../../src/core/transport/node/known-hosts-file';
import { createI18n } from '../../src/i18n/index';
import { progressText } from '../../src/i18n/progress';
import { sendFault } from '../../src/lab/faults';
import { LAB_PASSWORD, LAB_USERNAME } from '../../src/lab/lab';
import { cableEnd, moveCable, readCable } from '../../src/lab/one-cable';
import { appInChromium } from './app-in-chromium';
import { openOneCableCard } from './one-cable-card';

// The one-cable flow's failure path in Debian's chromium: A pushed and saved, the cable moved to B,
// verification failing there (the lab's control channel cut), B rolled back and the engineer asked
// about A. The card is also read in Chinese; then Undo A, the cable back on A, and A's
// configuration as the device itself prints it, the same as before the run.
// 127.10.255.0/24: the one-cable suites' own networks are 220–224 and 254–255.
const app = appInChromium({ name: '1c-fail', timeout: 90_000, pairIndexBase: 255, isolateDataDir: true, height: 1400, defaultTimeout: 10_000 });
const { shots, problems } = app;
const shot = (name: string) => app.page.screenshot({ path: join(shots, `one-cable-fail-${name}.png`), fullPage: true });
const zh = createI18n('zh-CN');
const oc = (key: string, params: Record<string, unknown> = {}) => zh.t(`app:wizard.oneCable.${key}`, params);

/** B's push and its verification limit (26 s for the lab's keepalive 1 s × 3), then the rollback: the wait for the card. */
const UNTIL_B_FAILED_MS = 60_000;

/** Latin words zh-CN keeps on purpose: the product, the console, the recover command and its argument; A and B name the devices. */
const LATIN_TERMS = ['HotPair', 'Console', 'hotpair recover', '<journal>'];
const latinWords = (text: string) => {
  let s = text;
  for (const term of LATIN_TERMS) s = s.split(term).join(' ');
  return (s.match(/[A-Za-z][A-Za-z'-]*/g) ?? []).filter((w) => w !== 'A' && w !== 'B');
};

/** Device A's running and saved configuration as it prints them over its own SSH, apart from the tool's console session. */
async function configOfA(): Promise<{ running: string; saved: string }> {
  const lab = await app.invoke<LabStatus>('lab.status');
  const ssh = lab.devices.find((d) => d.key === 'a')?.ssh;
  if (!ssh) throw new Error('the lab reports no SSH for device A');
  let known = '';
  const knownHosts = new KnownHostsStore({ location: 'memory', read: async () => known, write: async (t) => void (known = t) }, sha256);
  const { session } = await openSession({
    target: { kind: 'ssh', host: ssh.host, port: ssh.port, username: LAB_USERNAME },
    credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
    knownHosts,
    hostKeyPolicy: { acceptNew: true },
    transcriptDir: join(app.work, 'transcripts'),
  });
  try {
    return { running: (await session.exec('display current-configuration')).output, saved: (await session.exec('display saved-configuration')).output };
  } finally {
    await session.close();
  }
}

/** Settings → Language, then back to the wizard: the run and its question live in the store. */
async function speak(lang: 'en' | 'zh-CN'): Promise<void> {
  const { page } = app;
  await page.keyboard.press('Alt+6');
  await page.getByRole('radio', { name: lang === 'en' ? 'English' : '简体中文' }).check();
  await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
  await page.keyboard.press('Alt+2');
}

describe('the one-cable flow failing on B (chromium)', () => {
  it('B fails verification and is rolled back, A is left saved with Undo A / Keep A; Undo A with the cable back restores A', async () => {
    const { page, labDir } = app;
    const t0 = Date.now();
    const card = await openOneCableCard(app);
    expect(cableEnd(readCable(labDir)!)).toBe('a');
    const before = await configOfA();
    expect(before.running).toMatch(/sysname FW1/);
    expect(before.running).not.toMatch(/remote-backup group/);
    // The channel between the pair never comes up: A's check alone passes, the pair's from B cannot.
    await sendFault(labDir, 'a', 'cut-control-channel');

    // A's part, pushed and saved; then the cable to B.
    await card.getByRole('button', { name: 'Commission over one cable' }).click();
    const toB = page.getByRole('region', { name: 'Move the cable to B' });
    await toB.waitFor({ timeout: 30_000 });
    expect(await card.getByRole('list', { name: 'One-cable log' }).textContent()).toMatch(/device A alone: hot backup configured/);
    await moveCable(labDir, 'b', 1500);

    // B pushed, its verification fails, B rolled back; A's part stays and the engineer is asked.
    const undo = page.getByRole('region', { name: 'Undo A' });
    await undo.waitFor({ timeout: UNTIL_B_FAILED_MS });
    await shot('1-b-failed');
    const said = (await undo.textContent()) ?? '';
    const lines = Number(/B rolled back; A keeps (\d+) lines?/.exec(said)?.[1]);
    expect(lines).toBeGreaterThan(0);
    expect(said).toContain('Device B was rolled back to its configuration before the push.');
    expect(said).toContain(`Device A keeps its part: ${lines} line${lines === 1 ? '' : 's'}, saved, channel waiting for B.`);
    expect(await undo.getByRole('button', { name: 'Undo A' }).isEnabled()).toBe(true);
    expect(await undo.getByRole('button', { name: 'Keep A for now' }).isEnabled()).toBe(true);
    // What the card says A keeps is what A holds: the hot backup lines, running and saved.
    const left = await configOfA();
    expect(left.running).toMatch(/remote-backup group/);
    expect(left.saved).toMatch(/remote-backup group/);
    await undo.screenshot({ path: join(shots, 'one-cable-fail-2-left-on-a.png') });

    // The same card in Chinese: its words from the zh-CN catalogue, core's sentences by their codes.
    await speak('zh-CN');
    const undoZh = page.getByRole('region', { name: oc('undoLabel') });
    await undoZh.getByRole('heading', { name: oc('undoTitle', { b: 'clean', counted: 'yes', lines }) }).waitFor();
    const saidZh = (await undoZh.textContent()) ?? '';
    expect(saidZh).toContain(progressText(zh, { code: 'oneCable.step.undo-b', text: '' }));
    expect(saidZh).toContain(progressText(zh, { code: 'oneCable.step.left-on-a-saved', params: { count: lines }, text: '' }));
    expect(await undoZh.getByRole('button', { name: oc('keepA') }).count()).toBe(1);
    expect(latinWords(saidZh), saidZh).toEqual([]);
    mkdirSync(join(shots, 'i18n'), { recursive: true });
    await page.screenshot({ path: join(shots, 'i18n', 'zh-CN-one-cable-left-on-a.png'), fullPage: true });
    await speak('en');

    // Undo A: the run asks for the cable back on A, proves the device is A, types the undo.
    await undo.getByRole('button', { name: 'Undo A' }).click();
    const toA = page.getByRole('region', { name: 'Move the cable to A' });
    await toA.waitFor();
    expect(await undo.count()).toBe(0);
    await moveCable(labDir, 'a', 1500);
    const result = card.getByRole('region', { name: 'One-cable result' });
    await result.getByRole('heading', { name: 'Rolled back' }).waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain("Device A's part was undone from the journal: A is back to its configuration before the push.");
    expect(await result.textContent()).not.toMatch(/Device A keeps/);
    expect(await toA.count()).toBe(0);
    await shot('3-undone');

    const after = await configOfA();
    expect(after.running).toBe(before.running);
    expect(after.saved).not.toMatch(/remote-backup group/);
    const journal = readFileSync((await result.locator('code').textContent()) ?? '', 'utf8');
    expect(journal).toMatch(/"type":"save","device":"a","ok":true/);
    expect(journal).toMatch(/"type":"cable","to":"a","phase":"plugged"/);
    expect(journal).toMatch(/"type":"run-end","outcome":"rolled-back"/);
    expect(problems, problems.join('\n')).toEqual([]);
    console.log(`e2e one-cable failure: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 75_000);
});
