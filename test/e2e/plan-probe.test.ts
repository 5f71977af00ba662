import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { comware7 } from '../../src/core/platforms/comware7';
import type { PlatformPack } from '../../src/core/platforms/pack';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { chromiumRun } from './app-in-chromium';

// The Plan step's syntax check in Debian's chromium against browser mode: on the lab pair every
// planned line is confirmed by the devices' own `?` help; on a lab whose devices speak another
// release (its keepalive interval spelt otherwise) that line is marked unknown, with what the
// device offers, and Push stays disabled until a reason is given.
const run = chromiumRun({ name: 'probe', timeout: 90_000 });
const { shots, problems } = run;

/** A release whose CLI spells the keepalive interval `intervl`: the tool's `keepalive interval 1` is not a command there. */
function otherRelease(): PlatformPack {
  const p = structuredClone(comware7);
  p.commands.keepaliveInterval = { ...p.commands.keepaliveInterval!, template: 'keepalive intervl {seconds}' };
  return p;
}

/** Browser mode with a lab of its own, the page on Home; the lab started and opened in the wizard, both devices connected. */
async function wizardOnLab(name: string, net: number, pack?: PlatformPack): Promise<Page> {
  const mode = await run.startApp({ under: name, pairIndexBase: net, ...(pack ? { lab: { pack } } : {}) });
  const page = await run.newPage({ height: 900 });
  await page.goto(mode.server.url);
  await page.getByRole('button', { name: 'Start the lab pair' }).click();
  await page.getByRole('button', { name: 'Open the lab pair' }).click({ timeout: 20_000 });
  await page.getByRole('heading', { name: /Pairing/ }).waitFor();
  for (const device of ['A', 'B'] as const) {
    const card = page.getByRole('region', { name: `Device ${device}` });
    await card.getByLabel('Password', { exact: true }).fill(LAB_PASSWORD);
    await card.getByRole('button', { name: `Connect ${device}` }).click();
    await page.getByRole('dialog', { name: `Is this device ${device}?` }).getByRole('button', { name: /accept and connect/ }).click({ timeout: 15_000 });
    await card.getByText('connected', { exact: true }).waitFor({ timeout: 15_000 });
  }
  await page.getByRole('button', { name: '4. Plan' }).click();
  await page.getByText('Review what will change on each device, then push.').waitFor({ timeout: 20_000 });
  return page;
}

describe('the Plan step asks the devices to confirm every planned line (chromium)', () => {
  it('on the lab pair: every line of both devices confirmed, Push enabled', async () => {
    const t0 = Date.now();
    const page = await wizardOnLab('same-release', 227);
    const check = page.getByRole('region', { name: 'Syntax check on the devices' });
    await check.getByText(/Both devices confirmed all \d+ planned lines/).waitFor({ timeout: 30_000 });
    const seconds = (Date.now() - t0) / 1000;
    for (const k of ['A', 'B']) {
      const plan = page.getByRole('region', { name: `Plan for device ${k}` });
      const lines = await plan.locator('li.diff-add, li.diff-remove').count();
      expect(lines).toBeGreaterThan(5);
      expect(await plan.locator('[data-probe="confirmed"]').count()).toBe(lines);
      expect(await plan.locator('[data-probe="unknown"], [data-probe="incomplete"]').count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Push to both devices' }).isEnabled()).toBe(true);
    await page.getByRole('region', { name: 'Plan for device A' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'plan-probe.png'), fullPage: true });
    console.log(`e2e plan-probe: lab started, connected, planned and checked in ${seconds.toFixed(1)} s`);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 90_000);

  it('on devices of another release: the line they do not know is unknown with what they offer, and Push waits for a reason', async () => {
    const page = await wizardOnLab('other-release', 228, otherRelease());
    const check = page.getByRole('region', { name: 'Syntax check on the devices' });
    await check.getByText(/2 of \d+ planned lines not confirmed by the devices/).waitFor({ timeout: 30_000 });
    for (const k of ['A', 'B']) {
      const line = page.getByRole('region', { name: `Plan for device ${k}` }).locator('li', { hasText: 'keepalive interval 1' });
      expect(await line.locator('[data-probe]').textContent()).toMatch(/unknown/);
      expect(await line.textContent()).toMatch(/at word 2 “interval”.*the device offers: count, intervl/);
    }
    const push = page.getByRole('button', { name: 'Push to both devices' });
    expect(await push.isDisabled()).toBe(true);
    expect(await page.locator('#push-blocked').textContent()).toMatch(/2 planned lines are not confirmed/);
    await page.getByRole('region', { name: 'Plan for device A' }).locator('li', { hasText: 'keepalive interval 1' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'plan-probe-unknown.png') });
    await page.getByRole('checkbox', { name: /Push lines the devices did not confirm/ }).check();
    expect(await push.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: /Reason/ }).fill('R9620 notes: both spellings accepted');
    expect(await push.isEnabled()).toBe(true);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 90_000);
});
