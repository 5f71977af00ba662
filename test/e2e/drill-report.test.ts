import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { DataPlaneRecord } from '../../src/lab/dataplane';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { appInChromium } from './app-in-chromium';
import { connectDevice, openLabPairFromHome } from './harness';

// Field acceptance in the app, in Debian's chromium against browser mode and the lab pair:
// commission in the wizard, monitor, a switchover drill from the Monitor card probing the VIP's
// data plane, its figures against the lab's own record, then the signed report from Recent runs.
const app = appInChromium({ name: 'drill', timeout: 90_000, pairIndexBase: 247, isolateDataDir: true, monitor: true, height: 900, acceptDownloads: true });
const { shots, problems } = app;

const running = (key: 'a' | 'b') => app.page.locator(`[data-field="runningStatus"][data-device="${key}"]`);
const dataPlane = () => JSON.parse(readFileSync(join(app.labDir, 'dataplane.json'), 'utf8')) as DataPlaneRecord;

describe('drill and report in the app, end to end on the lab pair (chromium)', () => {
  it('commissions, monitors, drills from the Monitor card with figures, and saves the signed report from Recent runs', async () => {
    const { page, mode } = app;
    onTestFailed(async () => void (await page.screenshot({ path: join(shots, 'drill-report-failed.png') })));
    await page.goto(mode.server.url);
    await openLabPairFromHome(page);
    await connectDevice(page, 'A', { password: LAB_PASSWORD });
    await connectDevice(page, 'B', { password: LAB_PASSWORD });
    await page.getByRole('button', { name: 'Next: discover both' }).click();
    await page.locator('.facts-table').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Next: hot-backup settings' }).click();
    await page.getByText(/with the facts read from both devices/).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Next: plan' }).click();
    await page.getByText('Review what will change on each device, then push.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Push to both devices' }).click();
    await page.getByRole('heading', { name: 'Verified' }).waitFor({ timeout: 45_000 });
    await page.getByRole('button', { name: 'Next: save' }).click();
    await page.getByRole('heading', { name: 'Saved on both devices' }).waitFor();
    // The end of the wizard offers the drill (once monitored) and the report.
    const acceptance = page.getByRole('region', { name: 'Field acceptance' });
    await acceptance.getByRole('button', { name: 'Open Monitor' }).waitFor();
    expect(await acceptance.getByRole('button', { name: /^Report of this run of lab/ }).count()).toBe(1);

    // Monitor it; the drill starts from one Active (A) and one Standby (B).
    await acceptance.getByRole('button', { name: 'Open Monitor' }).click();
    await page.getByRole('button', { name: 'Monitor the lab pair' }).click();
    await expect.poll(() => running('a').textContent(), { timeout: 30_000 }).toBe('Active');
    await expect.poll(() => running('b').textContent(), { timeout: 10_000 }).toBe('Standby');

    // The service behind the VIP, as the lab's data plane publishes it.
    const vip = dataPlane().addresses.find((a) => a.answering && a.device === 'a');
    expect(vip, JSON.stringify(dataPlane().addresses)).toBeDefined();
    const probe = `${vip!.host}:${vip!.port}`;

    const card = page.getByRole('article', { name: 'Pair lab' });
    await card.getByRole('button', { name: 'Failover drill…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Failover drill on lab' });
    const plan = dialog.getByRole('region', { name: 'Drill plan' });
    await plan.getByText(/^Trigger: .* typed on device A \(FW1\)/).waitFor({ timeout: 30_000 });
    await dialog.getByLabel(/Probe targets/).fill(`${vip!.host}`);
    expect(await dialog.getByRole('alert').textContent()).toMatch(/^Probe targets: ".*" is not HOST:PORT/);
    await dialog.getByLabel(/Probe targets/).fill(probe);
    await dialog.getByRole('checkbox', { name: /switchback/ }).check();
    await dialog.getByRole('button', { name: 'Read the plan' }).click();
    await plan.getByText(`Probes: a TCP connect every 50 ms to ${probe}.`).waitFor({ timeout: 30_000 });
    // Where the release swaps roles the plan says so and the word must be typed.
    const word = dialog.getByLabel(/^Type "swap roles" to go ahead/);
    if (await word.count()) await word.fill('swap roles');
    const start = dialog.getByRole('button', { name: 'Start the drill now' });
    await expect.poll(() => start.isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(shots, 'drill-dialog.png') });
    const t0 = Date.now();
    await start.click();
    await dialog.getByRole('region', { name: 'Drill progress' }).waitFor();
    const result = dialog.getByRole('region', { name: 'Drill result' });
    await result.waitFor({ timeout: 90_000 });
    const drillMs = Date.now() - t0;
    expect(await result.getByRole('status').textContent(), (await result.textContent()) ?? '').toBe('Drill passed');
    const sw = (await result.getByRole('table', { name: 'Switchover' }).textContent()) ?? '';
    const back = (await result.getByRole('table', { name: 'Switchback' }).textContent()) ?? '';
    const fig = (text: string, what: RegExp) => Number(what.exec(text)?.[1]);
    const switchoverMs = fig(sw, /Switchover(\d+) ms/);
    const interruptionMs = fig(sw, /Interruption \(longest probe gap\)(\d+) ms/);
    expect(switchoverMs).toBeGreaterThan(0);
    expect(interruptionMs).toBeGreaterThan(0);
    expect(back).toMatch(/Interruption \(longest probe gap\)\d+ ms/);
    // The lab's own record of when the VIP stopped and resumed answering: the first outage of the drill.
    const outages = dataPlane().outages.filter((o) => o.address === vip!.address && o.stoppedAt >= t0 && o.resumedAt !== undefined);
    expect(outages.length).toBeGreaterThanOrEqual(2); // there and back
    const truth = outages[0]!.resumedAt! - outages[0]!.stoppedAt;
    expect(Math.abs(interruptionMs - truth)).toBeLessThanOrEqual(150);
    await page.screenshot({ path: join(shots, 'drill-result.png') });
    console.log(`e2e drill: switchover ${switchoverMs} ms, interruption ${interruptionMs} ms (lab record ${truth} ms, off by ${Math.abs(interruptionMs - truth)} ms); switchback ${back}; whole drill ${drillMs} ms in the app`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => running('a').textContent(), { timeout: 20_000 }).toBe('Active'); // back where it started

    // Recent runs: the drill as a drill, then the report of the commissioning run.
    await page.keyboard.press('Alt+1');
    const recent = page.getByRole('region', { name: 'Recent runs and bundles' });
    await expect.poll(() => recent.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`drill passed switchover drill: switchover ${switchoverMs} ms, interruption ${interruptionMs} ms`));
    const commissioning = recent.getByRole('listitem').filter({ hasText: 'verified and saved' });
    await commissioning.getByRole('button', { name: /^Report of lab/ }).click();
    const report = page.getByRole('dialog', { name: 'Commissioning report' });
    await report.getByRole('radio', { name: 'HTML and PDF' }).check();
    await report.getByRole('textbox', { name: 'Engineer' }).fill('Li Wei');
    await report.getByRole('textbox', { name: 'Customer' }).fill('ACME Ltd');
    const downloads: import('playwright-core').Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await report.getByRole('button', { name: 'Make and save the report' }).click();
    const saved = report.getByRole('status').filter({ hasText: /^Saved/ });
    await saved.waitFor({ timeout: 60_000 });
    expect(await saved.textContent()).toMatch(/signed by SHA256:.*, with 1 drill\./);
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const html = downloads.find((d) => d.suggestedFilename().endsWith('.html'))!;
    const htmlPath = join(app.work, html.suggestedFilename());
    await html.saveAs(htmlPath);
    const text = readFileSync(htmlPath, 'utf8');
    expect(text).toContain('ACME Ltd');
    expect(text).toContain(`${interruptionMs} ms`);
    const pdf = downloads.find((d) => d.suggestedFilename().endsWith('.pdf'));
    const pdfNote = (await saved.textContent())?.match(/No PDF: .*/)?.[0];
    expect(pdf !== undefined || pdfNote !== undefined).toBe(true);
    await page.screenshot({ path: join(shots, 'report-saved.png') });
    await report.getByRole('button', { name: 'Close' }).click();

    // Verify it in Bundles: unchanged and the signer; an edited copy is refused.
    await page.keyboard.press('Alt+5');
    const verify = page.getByRole('region', { name: 'Verify a report' });
    await verify.getByLabel(/Report file/).setInputFiles(htmlPath);
    await expect.poll(() => verify.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/unchanged since it was signed — signed by SHA256:/);
    await verify.getByLabel(/Report file/).setInputFiles({ name: 'edited.html', mimeType: 'text/html', buffer: Buffer.from(text.replace('ACME Ltd', 'ACME Inc')) });
    await expect.poll(() => verify.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/edited\.html: refused/);
    console.log(`e2e report: ${downloads.map((d) => d.suggestedFilename()).join(', ')}${pdfNote ? ` (${pdfNote})` : ''}`);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 240_000);
});
