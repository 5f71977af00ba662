import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabStatus, MonitorSnapshot } from '../../src/contract/index';
import { EventStore } from '../../src/core/monitor/node/store';
import { CATALOGUES, type Language } from '../../src/i18n/index';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { commissionLab, portOf } from '../host/monitor-lab';
import { manyEvents } from '../renderer/monitor-fixtures';
import { appInChromium } from './app-in-chromium';
import { overflowsOnScreen } from './harness';

// The Monitor screen (the commissioned lab pair, its card, chart and a timeline with events) and
// the drill dialog with its plan, in both languages at 1280×800 in Debian's chromium (with
// fonts-noto-cjk): one screenshot each, and no label, button or heading whose text overflows its box.
const LANGS: readonly Language[] = ['en', 'zh-CN'];

const e2e = appInChromium({
  name: 'i18n-monitor',
  timeout: 120_000,
  shots: 'i18n',
  pairIndexBase: 233,
  monitor: true,
  defaultTimeout: 10_000,
  // A few minutes of history already stored, so the timeline has rows of several kinds from the start.
  seed: (data) => {
    const store = new EventStore(join(data, 'monitor.sqlite'), { retentionDays: 0 });
    store.record(manyEvents(40, Date.now() - 600_000, 'Interface status changed'));
    store.close();
  },
  ready: async (a) => {
    const lab = await a.invoke<LabStatus>('lab.start');
    await a.invoke('monitor.start', { source: 'lab' });
    const snap = await a.invoke<MonitorSnapshot>('monitor.snapshot');
    await commissionLab({ pairText: lab.pairText!, username: 'admin', password: LAB_PASSWORD }, portOf(snap.receivers.syslog));
  },
});
const { shots, problems } = e2e;

async function shot(name: string, lang: Language): Promise<void> {
  const { page } = e2e;
  await page.screenshot({ path: join(shots, `${name}-${lang}.png`) });
  expect(await overflowsOnScreen(page), `${name} in ${lang}`).toEqual([]);
}

const running = (key: 'a' | 'b') => e2e.page.locator(`[data-field="runningStatus"][data-device="${key}"]`);

describe('Monitor and the drill dialog in English and Simplified Chinese (chromium, 1280×800, lab pair)', () => {
  it.each(LANGS)('%s: the monitored pair with its events, and the drill plan, fit and are in the language', async (lang) => {
    const { page, mode } = e2e;
    const app = CATALOGUES[lang].app;
    await e2e.invoke('settings.set', { language: lang });
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
