import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabStatus, MonitorSnapshot } from '../../src/contract/index';
import { EventStore } from '../../src/core/monitor/node/store';
import { startBrowserMode, type BrowserMode } from '../../src/host/browser-mode';
import { CATALOGUES, type Language } from '../../src/i18n/index';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { commissionLab, portOf } from '../host/monitor-lab';
import { manyEvents } from '../renderer/monitor-fixtures';
import { buildRenderer, launchChromium, overflowsOnScreen } from './harness';

// The Monitor screen (the commissioned lab pair, its card, chart and a timeline with events) and
// the drill dialog with its plan, in both languages at 1280×800 in Debian's chromium (with
// fonts-noto-cjk): one screenshot each, and no label, button or heading whose text overflows its box.
const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'test-results', 'e2e', 'i18n');
const LANGS: readonly Language[] = ['en', 'zh-CN'];

let mode: BrowserMode;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const invoke = async <T>(channel: string, input: unknown = {}): Promise<T> => {
  const r = await mode.host.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'hotpair-e2e-i18n-monitor-'));
  const data = join(work, 'data');
  // A few minutes of history already stored, so the timeline has rows of several kinds from the start.
  const store = new EventStore(join(data, 'monitor.sqlite'), { retentionDays: 0 });
  store.record(manyEvents(40, Date.now() - 600_000, 'Interface status changed'));
  store.close();
  await buildRenderer(join(work, 'dist'));
  mode = await startBrowserMode({
    port: 0,
    staticDir: join(work, 'dist'),
    dataDir: data,
    labOptions: { stateDir: join(work, 'lab'), sshPortBase: 0, pairIndexBase: 233 },
    monitor: { syslogPort: 0, metricsPort: 0 },
  });
  await invoke('settings.set', { monitorIntervalSeconds: 1 });
  const lab = await invoke<LabStatus>('lab.start');
  await invoke('monitor.start', { source: 'lab' });
  const snap = await invoke<MonitorSnapshot>('monitor.snapshot');
  await commissionLab({ pairText: lab.pairText!, username: 'admin', password: LAB_PASSWORD }, portOf(snap.receivers.syslog));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mode?.close();
});

async function shot(name: string, lang: Language): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}-${lang}.png`) });
  expect(await overflowsOnScreen(page), `${name} in ${lang}`).toEqual([]);
}

const running = (key: 'a' | 'b') => page.locator(`[data-field="runningStatus"][data-device="${key}"]`);

describe('Monitor and the drill dialog in English and Simplified Chinese (chromium, 1280×800, lab pair)', () => {
  it.each(LANGS)('%s: the monitored pair with its events, and the drill plan, fit and are in the language', async (lang) => {
    const app = CATALOGUES[lang].app;
    await invoke('settings.set', { language: lang });
    await page.goto('about:blank');
    await page.goto(mode.server.url);
    await page.getByRole('heading', { level: 1, name: app.home.title }).waitFor();
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { level: 1, name: app.monitor.title }).waitFor();
    const card = page.getByRole('article', { name: app.monitor.card.label.replace('{pair}', 'lab') });
    await card.waitFor();
    await expect.poll(() => running('a').textContent(), { timeout: 30_000 }).toBe('Active');
    await expect.poll(() => running('b').textContent(), { timeout: 10_000 }).toBe('Standby');
    await page.locator('.chart-box canvas').first().waitFor();
    await expect.poll(async () => page.locator('.tl-inner [data-kind]').count()).toBeGreaterThan(5);
    // the timeline's words are the language's: its heading and the live commissioning's events
    expect(await page.getByRole('region', { name: app.monitor.timeline.label }).getByRole('heading').textContent()).toBe(app.monitor.timeline.title);
    await shot('monitor', lang);
    await page.getByRole('region', { name: app.monitor.timeline.label }).scrollIntoViewIfNeeded();
    await shot('monitor-timeline', lang);

    await card.getByRole('button', { name: app.monitor.ops.drill }).click();
    const dialog = page.getByRole('dialog', { name: app.drill.title.replace('{pair}', 'lab') });
    const plan = dialog.getByRole('region', { name: app.drill.plan });
    await plan.locator('li').first().waitFor({ timeout: 30_000 });
    // the plan is core's messages in the language, not the host's English lines
    const intro = CATALOGUES[lang].core.drill.plan.intro.split('{')[0]!;
    expect(await plan.locator('li').first().textContent()).toContain(intro);
    await dialog.getByRole('button', { name: app.drill.start }).waitFor();
    await shot('drill-dialog', lang);
    await dialog.getByRole('button', { name: app.drill.cancel, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 90_000);

  it('met no page errors', () => {
    expect(problems).toEqual([]);
  });
});
