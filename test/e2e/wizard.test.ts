import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { appInChromium } from './app-in-chromium';
import { commissionInWizard, openLabPairFromHome, type WizardStep } from './harness';

// The whole pairing wizard in Debian's chromium against browser mode and the lab pair: start the
// lab from Home, connect both over SSH accepting their fingerprints, discover, the form prefilled
// from the lab pair file, plan, push, verified, saved, exported. A screenshot of every step.
const app = appInChromium({ name: 'wizard', timeout: 90_000, pairIndexBase: 244, isolateDataDir: true, acceptDownloads: true, recordFrames: true });
const { shots, problems, frames } = app;
const shot = (name: string) => app.page.screenshot({ path: join(shots, `wizard-${name}.png`) });

describe('the pairing wizard end to end on the lab pair (chromium)', () => {
  it('commissions the lab pair: connect, discover, settings, plan, push, verified, saved, exported', async () => {
    const { page, mode } = app;
    const t0 = Date.now();
    const marks: string[] = [];
    const mark = (what: string) => marks.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await page.goto(mode.server.url);
    await openLabPairFromHome(page);
    mark('lab running');

    // Connect both over SSH confirming each fingerprint (A's password typed, B's left empty as a
    // newcomer may), discovery side by side, the form prefilled from the lab pair file, the plan
    // with its health matrix, the push with per-line progress: the steps the repeat bench walks too.
    const steps: Partial<Record<WizardStep, () => Promise<unknown>>> = {
      'host-key': () => shot('1-host-key'),
      connected: async () => {
        mark('both connected');
        await shot('1-connected');
      },
      discovered: async () => {
        mark('discovered');
        await shot('2-discovery');
      },
      settings: () => shot('3-settings'),
      planned: async () => {
        mark('planned');
        await shot('4-plan');
      },
      pushing: () => shot('5-push'),
      verified: async () => {
        mark('pushed and verified');
        await shot('6-verified');
      },
      saved: () => shot('7-saved'),
    };
    const run = await commissionInWizard(page, { password: LAB_PASSWORD, onStep: (s) => steps[s]?.() });
    expect(run.failure).toBeUndefined();
    expect(run.verified && run.saved).toBe(true);
    expect(readFileSync(run.journal ?? '', 'utf8')).toMatch(/"outcome":"success"/);

    // Exported as a signed bundle download.
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
