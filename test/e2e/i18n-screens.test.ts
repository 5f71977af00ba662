import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Language } from '../../src/i18n/index';
import { appInChromium } from './app-in-chromium';
import { overflowsOnScreen } from './harness';

// Bundles, Console, Settings and Pairing in both languages at 1280×800 in Debian's chromium (with
// fonts-noto-cjk, so Chinese is drawn with real glyphs and real heights): one screenshot per
// screen and language, and no label, button or heading whose text overflows its box.
const LANGS: readonly Language[] = ['en', 'zh-CN'];

const e2e = appInChromium({ name: 'i18n', timeout: 90_000, shots: 'i18n', pairIndexBase: 226, defaultTimeout: 8000, labStarted: true });
const { shots, problems } = e2e;

const overflows = (): Promise<string[]> => overflowsOnScreen(e2e.page);

async function shot(name: string, lang: Language): Promise<void> {
  await e2e.page.screenshot({ path: join(shots, `${name}-${lang}.png`) });
  expect(await overflows(), `${name} in ${lang}`).toEqual([]);
}

/** Go to a screen by its Alt+digit key and wait for its heading in the language. */
async function open(key: number, title: string): Promise<void> {
  const { page } = e2e;
  await page.keyboard.press(`Alt+${key}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('the screens in English and Simplified Chinese (chromium, 1280×800)', () => {
  it.each(LANGS)('%s: Home, Bundles, Console, Settings and Pairing fit and are in the language', async (lang) => {
    const { page, mode } = e2e;
    const app = CATALOGUES[lang].app;
    const set = await mode.host.invoke('settings.set', { language: lang });
    expect(set.ok).toBe(true);
    // a fresh load: the URL differs from the page's only by its #token, which alone would not reload
    await page.goto('about:blank');
    await page.goto(mode.server.url);
    await page.getByRole('heading', { level: 1, name: app.home.title }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
    await page.getByRole('heading', { name: app.home.lab.title }).waitFor();
    await shot('home', lang);

    await open(5, app.bundles.title);
    await page.getByRole('button', { name: app.bundles.create.current }).waitFor();
    await page.getByText(app.bundles.create.withPasswords).click();
    await shot('bundles', lang);

    await open(4, app.console.title);
    await page.getByRole('button', { name: 'FW1' }).click();
    await page.getByText(app.console.connect.labLogin).waitFor();
    await shot('console', lang);
    await page.getByRole('button', { name: app.console.connect.connect, exact: true }).click();
    const prompt = page.getByRole('alertdialog', { name: app.console.hostKey.label });
    await prompt.waitFor();
    await shot('console-host-key', lang);
    // declined, so the next language is asked too (a trusted key would not be)
    await prompt.getByRole('button', { name: app.console.hostKey.cancel }).click();

    await open(6, app.settings.title);
    await page.getByRole('form', { name: app.settings.monitor.label }).waitFor();
    await shot('settings', lang);

    await open(2, app.pairing.title);
    await page.getByRole('button', { name: app.pairing.start.newPair }).waitFor();
    await shot('pairing', lang);
    await page.getByRole('button', { name: 'lab', exact: true }).click();
    await page.locator('.wizard-steps button').nth(2).click();
    const form = page.getByRole('form', { name: app.pairing.form.label });
    await form.waitFor();
    await page.getByRole('region', { name: app.pairing.script.label }).waitFor();
    await shot('pairing-form', lang);
    // the lists and device sections further down the form, scrolled into view
    await form.locator('fieldset.list').first().scrollIntoViewIfNeeded();
    await shot('pairing-form-lists', lang);
    await page.getByRole('group', { name: app.pairing.sections.device.replace('{device}', 'B') }).scrollIntoViewIfNeeded();
    await shot('pairing-form-device', lang);
  }, 60_000);

  it('met no page errors', () => {
    expect(problems).toEqual([]);
  });
});
