import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { buildRenderer, launchChromium } from './harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src/cli/commands/serve';
import { LAB_PASSWORD } from '../../src/lab/lab';

// The whole pairing wizard in Debian's chromium against browser mode and the lab pair: start the
// lab from Home, connect both over SSH accepting their fingerprints, discover, the form prefilled
// from the lab pair file, plan, push, verified, saved, exported. A screenshot of every step.
const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = join(root, 'test-results', 'e2e');

let mode: BrowserMode;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const frames: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(shots, `wizard-${name}.png`) });

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'hotpair-e2e-wizard-'));
  // known_hosts, transcripts, journals and keys of this run only (the host runs in this process).
  process.env.HOTPAIR_DATA_DIR = join(work, 'data');
  await buildRenderer(join(work, 'dist'));
  mode = await startBrowserMode({ port: 0, staticDir: join(work, 'dist'), dataDir: join(work, 'data'), labOptions: { stateDir: join(work, 'lab'), sshPortBase: 0, pairIndexBase: 244 } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await mode?.close();
});

/** A: the password typed. B: left empty, as a newcomer may — the host logs in to a lab device with the lab's account. */
async function connect(device: 'A' | 'B', password?: string): Promise<string> {
  const card: Locator = page.getByRole('region', { name: `Device ${device}` });
  expect(await card.getByLabel('SSH URL').inputValue()).toMatch(/^ssh:\/\/admin@127\.0\.0\.1:\d+$/);
  expect(await card.textContent()).toMatch(/A device of the lab pair/);
  if (password) await card.getByLabel('Password', { exact: true }).fill(password);
  await card.getByRole('button', { name: `Connect ${device}` }).click();
  const dialog = page.getByRole('dialog', { name: `Is this device ${device}?` });
  await dialog.waitFor({ timeout: 15_000 });
  const fp = (await dialog.getByLabel('Host key fingerprint').textContent()) ?? '';
  expect(fp).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  if (device === 'A') await shot('1-host-key');
  await dialog.getByRole('button', { name: /accept and connect/ }).click();
  await card.getByText('connected', { exact: true }).waitFor({ timeout: 15_000 });
  expect(await card.textContent()).toContain(fp);
  return fp;
}

describe('the pairing wizard end to end on the lab pair (chromium)', () => {
  it('commissions the lab pair: connect, discover, settings, plan, push, verified, saved, exported', async () => {
    const t0 = Date.now();
    const marks: string[] = [];
    const mark = (what: string) => marks.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await page.goto(mode.server.url);
    await page.getByRole('button', { name: 'Start the lab pair' }).click();
    await page.getByRole('button', { name: 'Open the lab pair' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Open the lab pair' }).click();
    await page.getByRole('heading', { name: /Pairing/ }).waitFor();
    mark('lab running');

    // 1. Connect both over SSH, each confirming its fingerprint.
    const [fpA, fpB] = [await connect('A', LAB_PASSWORD), await connect('B')];
    expect(fpA).not.toBe(fpB);
    await shot('1-connected');
    mark('both connected');

    // 2. Discovery side by side.
    await page.getByRole('button', { name: 'Next: discover both' }).click();
    const table = page.locator('.facts-table');
    await table.waitFor({ timeout: 20_000 });
    expect(await table.locator('[data-fact="sysname"]').textContent()).toMatch(/FW1.*FW2/);
    await shot('2-discovery');
    mark('discovered');

    // 3. The form, prefilled from the lab pair file with the lab's ports, validated with the facts.
    await page.getByRole('button', { name: 'Next: hot-backup settings' }).click();
    await page.getByText(/with the facts read from both devices/).waitFor({ timeout: 10_000 });
    expect(await page.getByText('No errors').count()).toBe(1);
    expect(await page.locator('[data-path="devices.a.connect"] input').inputValue()).toMatch(/127\.0\.0\.1:\d+/);
    await shot('3-settings');

    // 4. Plan: per-device diff by stage, the health matrix.
    await page.getByRole('button', { name: 'Next: plan' }).click();
    await page.getByText('Review what will change on each device, then push.').waitFor({ timeout: 20_000 });
    const planA = page.getByRole('region', { name: 'Plan for device A' });
    expect(await planA.locator('[data-stage="channel"] .diff-add').count()).toBeGreaterThan(5);
    expect(await page.locator('table.health tbody tr').count()).toBeGreaterThanOrEqual(8);
    await shot('4-plan');
    mark('planned');

    // 5. Push with per-line progress and the live console; a verified run moves on by itself.
    await page.getByRole('button', { name: 'Push to both devices' }).click();
    await page.getByRole('button', { name: 'Cancel and roll back' }).waitFor();
    await page.locator('#push-a').waitFor();
    await expect.poll(() => page.locator('label[for="push-a"]').textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d*\/\d+/);
    await shot('5-push');
    await page.getByRole('heading', { name: 'Verified' }).waitFor({ timeout: 45_000 });
    mark('pushed and verified');
    expect(await page.locator('table.health tbody tr.health-fail').count()).toBe(0);
    await shot('6-verified');

    // 7. Saved; 8. exported as a signed bundle download.
    await page.getByRole('button', { name: 'Next: save' }).click();
    await page.getByRole('heading', { name: 'Saved on both devices' }).waitFor();
    const journal = (await page.locator('[aria-label="Save"] code').textContent()) ?? '';
    expect(readFileSync(journal, 'utf8')).toMatch(/"outcome":"success"/);
    await shot('7-saved');
    await page.getByRole('button', { name: 'Next: export as a bundle' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export signed bundle/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.hpb$/);
    await page.getByText(/Downloaded .*\.hpb/).waitFor();
    await shot('8-exported');
    mark('exported');

    // The console was live during the push, in batches; the password never reached the page.
    await page.getByRole('button', { name: '5. Push' }).click();
    expect(await page.getByLabel('Live console of device A').textContent()).toMatch(/FW1/);
    const outputFrames = frames.filter((f) => f.includes('"event":"devices.output"')).length;
    const progressFrames = frames.filter((f) => f.includes('"event":"pair.progress"')).length;
    expect(frames.join('\n')).not.toContain(LAB_PASSWORD);
    expect(await page.content()).not.toContain(LAB_PASSWORD);
    await page.evaluate("document.documentElement.dataset.theme = 'dark'");
    await shot('5-push-dark');

    // Home lists the run just made (from its journal) and the bundle exported.
    await page.keyboard.press('Alt+1');
    const recent = page.getByRole('region', { name: 'Recent runs and bundles' });
    await expect.poll(() => recent.textContent()).toMatch(/lab.*verified and saved.*Last bundle made here: .*\.hpb/);
    await page.screenshot({ path: join(shots, 'home-recent.png') });
    console.log(`e2e wizard: ${marks.join(', ')}; ${outputFrames} devices.output and ${progressFrames} pair.progress frames`);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 90_000);
});
