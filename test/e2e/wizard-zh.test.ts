import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { i18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { appInChromium } from './app-in-chromium';
import { WIZARD_WAITS } from './harness';

// The pairing wizard end to end in Simplified Chinese on the lab pair (Debian's chromium, browser
// mode), found by its Chinese names from the zh-CN catalogue. At every step the same screen is
// also shown in English, both are saved as screenshots, and no text may overflow its box at
// 1280×800 in either language (CJK is shorter but taller; long English labels must fit too).
const LANGS = { 'zh-CN': createI18n('zh-CN'), en: createI18n('en') } as const;
type Lang = keyof typeof LANGS;
const zh = LANGS['zh-CN'];
const w = (i: i18n, key: string, params: Record<string, unknown> = {}) => i.t(`app:wizard.${key}`, params);

const app = appInChromium({ name: 'wizard-zh', timeout: 90_000, shots: 'i18n', pairIndexBase: 241, isolateDataDir: true, acceptDownloads: true });
const { shots, problems } = app;
/** Text wider (or, where clipped, taller) than its box, by step and language. */
const overflows: string[] = [];

/**
 * Elements whose own text does not fit their box: wider than it (text spilling out or cut), or
 * taller where the box clips. Scrolling boxes (consoles, scripts) and screen-reader-only text are
 * meant to be larger than what shows. Runs in the page (a string: this file has no DOM types).
 */
const TEXT_OVERFLOW = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'inline' || cs.display === 'none' || cs.visibility === 'hidden' || el.closest('.sr-only')) continue;
    if (['auto', 'scroll'].includes(cs.overflowX) || ['PRE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION'].includes(el.tagName)) continue;
    const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent.trim()).join(' ').trim();
    if (text === '' || el.clientWidth === 0) continue;
    const wide = el.scrollWidth > el.clientWidth + 1;
    const tall = cs.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1;
    if (wide || tall) out.push('<' + el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + '> "' + text.slice(0, 60) + '" ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight);
  }
  return out;
})()`;

/** Settings → Language, then (unless told otherwise) back to the wizard where it was: its state lives in the store. */
async function speak(lang: Lang, back = true): Promise<void> {
  const { page } = app;
  await page.keyboard.press('Alt+6');
  await page.getByRole('radio', { name: lang === 'en' ? 'English' : '简体中文' }).check();
  await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
  if (!back) return;
  await page.keyboard.press('Alt+2');
  await page.getByRole('navigation', { name: w(LANGS[lang], 'steps.label') }).waitFor();
}

async function shoot(step: string, lang: Lang): Promise<void> {
  const { page } = app;
  await page.screenshot({ path: join(shots, `wizard-${step}-${lang}.png`) });
  overflows.push(...(await page.evaluate<string[]>(TEXT_OVERFLOW)).map((o) => `${step} ${lang}: ${o}`));
}

/** The step as it stands, in Chinese and then in English, back in Chinese to go on. */
async function bothLanguages(step: string): Promise<void> {
  await shoot(step, 'zh-CN');
  await speak('en');
  await shoot(step, 'en');
  await speak('zh-CN');
}

async function connect(device: 'A' | 'B', lang: Lang, password?: string): Promise<void> {
  const { page } = app;
  const i = LANGS[lang];
  const card = page.getByRole('region', { name: w(i, 'device', { device }) });
  if (password) await card.getByLabel(w(i, 'connect.password'), { exact: true }).fill(password);
  await card.getByRole('button', { name: w(i, 'connect.connectDevice', { device }) }).click();
  const dialog = page.getByRole('dialog', { name: w(i, 'hostKey.title', { device }) });
  await dialog.waitFor({ timeout: WIZARD_WAITS.hostKey });
  expect(await dialog.getByLabel(w(i, 'hostKey.fingerprint')).textContent()).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  await shoot('host-key', lang);
  await dialog.getByRole('button', { name: w(i, 'hostKey.accept') }).click();
  await card.locator('h2 .badge', { hasText: w(i, 'connect.connected') }).waitFor({ timeout: WIZARD_WAITS.connected });
}

/** The walk in Chinese, each step also shown in English: throws at the first thing not as a user relies on. */
async function walk(): Promise<void> {
  const { page, mode } = app;
  const t0 = Date.now();
  await page.goto(mode.server.url);
  await page.locator('.screen.home').waitFor();
  await speak('zh-CN', false);
  await page.keyboard.press('Alt+1');
  await page.getByRole('button', { name: zh.t('app:home.lab.start') }).click();
  await page.getByRole('button', { name: zh.t('app:home.lab.open') }).click({ timeout: WIZARD_WAITS.labStart });
  await page.getByRole('navigation', { name: w(zh, 'steps.label') }).waitFor();
  expect(await page.getByRole('button', { name: `1. ${w(zh, 'steps.connect')}` }).getAttribute('aria-current')).toBe('step');

  // Each host-key question in one language: A's in Chinese, B's in English.
  await connect('A', 'zh-CN', LAB_PASSWORD);
  await speak('en');
  await connect('B', 'en');
  await speak('zh-CN');
  await bothLanguages('connected');

  await page.getByRole('button', { name: w(zh, 'connect.next') }).click();
  await page.locator('.facts-table').waitFor({ timeout: WIZARD_WAITS.discovered });
  expect(await page.locator('.facts-table [data-fact="sysname"]').textContent()).toMatch(/FW1.*FW2/);
  expect(await page.locator('.facts-table thead').textContent()).toContain(w(zh, 'facts.fact'));
  await bothLanguages('discover');

  await page.getByRole('button', { name: w(zh, 'discover.next') }).click();
  await page.getByText(w(zh, 'status.facts').replace(/^[\s—]+/, '')).waitFor({ timeout: WIZARD_WAITS.discovered });
  expect(await page.getByText(w(zh, 'status.errors', { count: 0 })).count()).toBe(1);
  await bothLanguages('settings');

  await page.getByRole('button', { name: w(zh, 'settings.next') }).click();
  await page.getByText(w(zh, 'plan.review')).waitFor({ timeout: WIZARD_WAITS.planned });
  const push = page.getByRole('button', { name: w(zh, 'plan.push') });
  await expect.poll(() => push.isEnabled(), { timeout: WIZARD_WAITS.planned }).toBe(true);
  expect(await page.getByRole('region', { name: w(zh, 'diff.label', { device: 'A' }) }).locator('[data-stage="channel"] h4').textContent()).toBe(w(zh, 'diff.channel'));
  expect(await page.locator('table.health thead').textContent()).toContain(w(zh, 'health.check'));
  await bothLanguages('plan');

  // The push runs in Chinese; device lines in the live console stay as the device prints them.
  await push.click();
  await page.getByRole('button', { name: w(zh, 'push.cancel') }).waitFor();
  await expect.poll(async () => (await page.locator('label[for="push-a"]').textContent()) ?? '', { timeout: WIZARD_WAITS.firstLine }).toMatch(/^设备 A：[1-9]\d*\/\d+$/);
  await shoot('push', 'zh-CN');

  await page.getByRole('heading', { name: w(zh, 'result.verified'), exact: true }).waitFor({ timeout: WIZARD_WAITS.outcome });
  expect(await page.locator('table.health tbody tr.health-fail').count()).toBe(0);
  await bothLanguages('verify');

  await page.getByRole('button', { name: w(zh, 'result.nextSave') }).click();
  await page.getByRole('heading', { name: w(zh, 'result.saved') }).waitFor();
  const journal = (await page.locator(`[aria-label="${w(zh, 'result.saveLabel')}"] code`).first().textContent()) ?? '';
  expect(readFileSync(journal, 'utf8')).toMatch(/"outcome":"success"/);
  await bothLanguages('save');

  await page.getByRole('button', { name: w(zh, 'result.nextExport') }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w(zh, 'result.exportButton') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.hpb$/);
  await page.getByText(w(zh, 'result.downloaded')).waitFor();
  await bothLanguages('export');

  // The push as it ended, with the live console: device text untranslated in the Chinese page.
  await page.getByRole('button', { name: `5. ${w(zh, 'steps.push')}` }).click();
  expect(await page.getByLabel(w(zh, 'console.pane', { device: 'A' })).textContent()).toMatch(/remote-backup group/);
  await bothLanguages('push-done');

  // One console cable: step 1 says what it is, and the steps it runs by itself say why they are closed.
  await page.getByRole('button', { name: `1. ${w(zh, 'steps.connect')}` }).click();
  await page.getByRole('radio', { name: w(zh, 'connect.oneCable') }).check();
  await page.getByRole('button', { name: `1. ${w(zh, 'steps.connectOneCable')}` }).waitFor();
  expect(await page.getByRole('button', { name: `2. ${w(zh, 'steps.discover')}` }).getAttribute('title')).toBe(w(zh, 'steps.notYet', { reason: w(zh, 'steps.blocked.oneCable') }));
  await bothLanguages('one-cable');

  console.log(`e2e wizard zh-CN: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${overflows.length} overflowing texts`);
}

describe('the pairing wizard in Simplified Chinese on the lab pair (chromium)', () => {
  it('commissions the lab pair in zh-CN, every step shown in both languages without overflowing text', async () => {
    const { page } = app;
    try {
      await walk();
    } catch (e) {
      // Where it stopped, for whoever reads the failure.
      await page.screenshot({ path: join(shots, 'wizard-failed.png') });
      if (overflows.length) console.log(`overflowing texts before the failure:\n${overflows.join('\n')}`);
      throw e;
    }
    expect(overflows, overflows.join('\n')).toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 180_000);
});
