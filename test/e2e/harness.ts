import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';

/** Debian's chromium (the machine cannot download Playwright's), with the flags a closed network needs. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const root = fileURLToPath(new URL('../../', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** Builds the renderer into a folder of the test's own, so parallel e2e files never share one. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir } });
}

/**
 * How long the wizard walk waits for each thing the engineer waits for. The push's own verify limit
 * (26 s for the lab's keepalive 1 s × 3) decides verified or not; `outcome` only bounds the wait for
 * the page to show that decision, so a loaded machine gets more of it (the repeat bench does).
 */
export interface WizardWaits {
  labStart: number;
  hostKey: number;
  connected: number;
  discovered: number;
  planned: number;
  firstLine: number;
  outcome: number;
}
export const WIZARD_WAITS: WizardWaits = { labStart: 20_000, hostKey: 15_000, connected: 15_000, discovered: 20_000, planned: 20_000, firstLine: 20_000, outcome: 45_000 };

/** The walk checks what a user relies on at each step and throws with what it saw otherwise (the bench has no expect). */
function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`wizard: ${what}`);
}

async function until(what: string, ms: number, f: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`wizard: ${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits for what a step shows when it worked; an error note shown instead ends the wait at once with its text. */
async function shown(page: Page, what: Locator, ms: number, step: string): Promise<void> {
  const error = page.locator('.error-note');
  await what.or(error).first().waitFor({ timeout: ms });
  if (!(await what.first().isVisible()) && (await error.count()) > 0) throw new Error(`wizard: ${step}: ${(await error.first().innerText()).replace(/\s+/g, ' ')}`);
}

/** Home → "Start the lab pair" → "Open the lab pair": the wizard on the lab pair file. */
export async function openLabPairFromHome(page: Page, waits: WizardWaits = WIZARD_WAITS): Promise<void> {
  await page.getByRole('button', { name: 'Start the lab pair' }).click();
  await page.getByRole('button', { name: 'Open the lab pair' }).click({ timeout: waits.labStart });
  await page.getByRole('heading', { name: /Pairing/ }).waitFor();
}

/**
 * Connects one device over SSH from its card, accepting the host key the dialog shows; returns
 * that fingerprint. No password: the host logs in to a lab device with the lab's account.
 */
export async function connectDevice(page: Page, device: 'A' | 'B', opts: { password?: string; onHostKey?: () => Promise<unknown>; waits?: WizardWaits } = {}): Promise<string> {
  const waits = opts.waits ?? WIZARD_WAITS;
  const card: Locator = page.getByRole('region', { name: `Device ${device}` });
  const url = await card.getByLabel('SSH URL').inputValue();
  must(/^ssh:\/\/admin@127\.0\.0\.1:\d+$/.test(url), `device ${device}'s SSH URL is "${url}", not the lab's`);
  must(/A device of the lab pair/.test((await card.textContent()) ?? ''), `device ${device}'s card does not say it is a lab device`);
  if (opts.password) await card.getByLabel('Password', { exact: true }).fill(opts.password);
  await card.getByRole('button', { name: `Connect ${device}` }).click();
  const dialog = page.getByRole('dialog', { name: `Is this device ${device}?` });
  await dialog.waitFor({ timeout: waits.hostKey });
  const fp = (await dialog.getByLabel('Host key fingerprint').textContent()) ?? '';
  must(/^SHA256:[A-Za-z0-9+/]{43}$/.test(fp), `device ${device}'s fingerprint reads "${fp}"`);
  await opts.onHostKey?.();
  await dialog.getByRole('button', { name: /accept and connect/ }).click();
  await card.getByText('connected', { exact: true }).waitFor({ timeout: waits.connected });
  must(((await card.textContent()) ?? '').includes(fp), `device ${device}'s card does not show the accepted fingerprint`);
  return fp;
}

export interface WizardRun {
  verified: boolean;
  saved: boolean;
  /** What the page said when the run was not verified: the run result, the verify failures. */
  failure?: string;
  /** From pressing Push to the page showing Verified (or the failure). */
  pushSeconds: number;
  /** The run's journal as the Save step names it. */
  journal?: string;
  fingerprints: [string, string];
}

/** Steps of the walk, for screenshots and timings: called as each one is shown. */
export type WizardStep = 'host-key' | 'connected' | 'discovered' | 'settings' | 'planned' | 'pushing' | 'verified' | 'saved' | 'failed';

/**
 * The pairing wizard on the lab pair as an engineer walks it, from the lab opened in the wizard:
 * connect A (password typed) and B (left empty), discover both, the form prefilled from the lab
 * pair file, plan, push, verified, saved. Stops at a push that is not verified and says why.
 */
export async function commissionInWizard(page: Page, opts: { password: string; onStep?: (s: WizardStep) => Promise<unknown> | void; waits?: WizardWaits }): Promise<WizardRun> {
  const waits = opts.waits ?? WIZARD_WAITS;
  const step = async (s: WizardStep) => void (await opts.onStep?.(s));
  const fpA = await connectDevice(page, 'A', { password: opts.password, waits, onHostKey: () => step('host-key') });
  const fpB = await connectDevice(page, 'B', { waits });
  must(fpA !== fpB, 'both devices showed the same host key');
  await step('connected');

  await page.getByRole('button', { name: 'Next: discover both' }).click();
  const table = page.locator('.facts-table');
  await shown(page, table, waits.discovered, 'discovery');
  const names = (await table.locator('[data-fact="sysname"]').textContent()) ?? '';
  must(/FW1.*FW2/.test(names), `discovery shows sysnames "${names}"`);
  await step('discovered');

  await page.getByRole('button', { name: 'Next: hot-backup settings' }).click();
  await shown(page, page.getByText(/with the facts read from both devices/), waits.discovered, 'settings');
  must((await page.getByText('No errors').count()) === 1, 'the form prefilled from the lab pair file has errors');
  const connectA = await page.locator('[data-path="devices.a.connect"] input').inputValue();
  must(/127\.0\.0\.1:\d+/.test(connectA), `device A's connect field reads "${connectA}"`);
  await step('settings');

  await page.getByRole('button', { name: 'Next: plan' }).click();
  await shown(page, page.getByText('Review what will change on each device, then push.'), waits.planned, 'plan');
  const channelLines = await page.getByRole('region', { name: 'Plan for device A' }).locator('[data-stage="channel"] .diff-add').count();
  must(channelLines > 5, `the plan for A adds ${channelLines} control-channel lines`);
  const healthRows = await page.locator('table.health tbody tr').count();
  must(healthRows >= 8, `the health matrix has ${healthRows} rows`);
  await step('planned');

  await page.getByRole('button', { name: 'Push to both devices' }).click();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Cancel and roll back' }).waitFor();
  await until('no line pushed to A', waits.firstLine, async () => /[1-9]\d*\/\d+/.test((await page.locator('label[for="push-a"]').textContent()) ?? ''));
  await step('pushing');

  // A verified run moves on to Verify by itself; one that is not stays on Push with its result.
  const verifiedHeading = page.getByRole('heading', { name: 'Verified', exact: true });
  // One that has no result at all (the call itself failed) shows an error note there instead.
  const failed = page.locator('section[aria-label="Run result"].failed, section[aria-label="Push"] .error-note');
  await verifiedHeading.or(failed).first().waitFor({ timeout: waits.outcome });
  const pushSeconds = (Date.now() - t0) / 1000;
  const fingerprints: [string, string] = [fpA, fpB];
  if (!(await verifiedHeading.isVisible())) {
    await step('failed');
    // The result and the push log's last words (the verify failures as last seen) say why.
    const said = [await failed.first().innerText(), await page.getByRole('list', { name: 'Push log' }).locator('li', { hasText: 'expected' }).last().innerText().catch(() => '')];
    return { verified: false, saved: false, failure: said.join(' | ').replace(/\s+/g, ' ').trim(), pushSeconds, fingerprints };
  }
  const failing = await page.locator('table.health tbody tr.health-fail').count();
  must(failing === 0, `${failing} health checks fail after a verified push`);
  await step('verified');

  await page.getByRole('button', { name: 'Next: save' }).click();
  const saved = page.getByRole('heading', { name: 'Saved on both devices' });
  await saved.or(page.getByRole('heading', { name: 'Not saved' })).first().waitFor();
  const journal = (await page.locator('[aria-label="Save"] code').first().textContent()) ?? undefined;
  const isSaved = await saved.isVisible();
  await step(isSaved ? 'saved' : 'failed');
  return { verified: true, saved: isSaved, pushSeconds, fingerprints, ...(journal ? { journal } : {}), ...(isSaved ? {} : { failure: 'verified but not saved' }) };
}

/** Elements whose text a reader must see whole: anything wider or taller inside than its box is clipped or spills. */
const CHECKED = 'button, label, h1, h2, h3, h4, legend, th, dt, summary, caption, [role="tab"], [role="status"], .badge, .verdict';

/**
 * Every checked element of the screen whose content overflows its box, named by its text; selects
 * whose chosen option is wider than the select; and whether the screen scrolls sideways. Run in the
 * page (a script: this file is compiled without the DOM's types).
 */
const OVERFLOWS = `(() => {
  const out = [];
  const screen = document.querySelector('.screen');
  if (!screen) return ['no .screen on the page'];
  for (const el of screen.querySelectorAll(${JSON.stringify(CHECKED)})) {
    // hidden, or an inline box (nothing to clip)
    if (el.getClientRects().length === 0 || getComputedStyle(el).display === 'inline') continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      out.push(el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 60) + '" ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight);
  }
  // A select's box does not grow with its chosen option: measure the option's text in the select's font.
  const ctx = document.createElement('canvas').getContext('2d');
  for (const sel of screen.querySelectorAll('select')) {
    if (sel.getClientRects().length === 0) continue;
    const text = sel.selectedOptions[0] ? sel.selectedOptions[0].textContent : '';
    const style = getComputedStyle(sel);
    ctx.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    const room = sel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16; // the drop-down arrow
    const width = ctx.measureText(text).width;
    if (width > room) out.push('select "' + text + '" ' + Math.ceil(width) + ' in ' + Math.floor(room));
  }
  const main = screen.closest('main') || document.scrollingElement;
  if (main.scrollWidth > main.clientWidth + 1) out.push('the screen scrolls sideways: ' + main.scrollWidth + ' in ' + main.clientWidth);
  return out;
})()`;

/** What of the current screen a reader cannot see whole at this window size (empty: all fits). */
export const overflowsOnScreen = (page: Page): Promise<string[]> => page.evaluate(OVERFLOWS) as Promise<string[]>;
