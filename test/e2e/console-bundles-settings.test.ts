import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { appInChromium } from './app-in-chromium';

// Console, Bundles and Settings in Debian's chromium against `hotpair serve` and the lab pair.
const started = Date.now();
/** Any CSP violation fails the run: reported by the page itself, not only as a console line. */
const CSP_VIOLATIONS = "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));";
const app = appInChromium({ name: 'cbs', timeout: 60_000, pairIndexBase: 236, acceptDownloads: true, defaultTimeout: 8000, initScripts: [CSP_VIOLATIONS], labStarted: true });
const { shots, problems } = app;

afterAll(() => {
  console.log(`e2e console/bundles/settings: ${((Date.now() - started) / 1000).toFixed(1)} s from the renderer build to the last check`);
});

const rows = () => app.page.locator('.xterm-rows').innerText();

describe('console, bundles and settings (chromium, browser mode)', () => {
  it('connects the console to lab device FW1 after confirming its host key, shows <FW1> and display version', async () => {
    const { page, mode } = app;
    await page.goto(mode.server.url);
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Console' }).waitFor();
    await page.getByRole('button', { name: 'FW1' }).click();
    expect(await page.getByLabel('Device URL').inputValue()).toMatch(/^ssh:\/\/admin@127\.0\.0\.1:\d+$/);
    // the lab device logs in with the lab's login, which stays in the host: no password field
    await page.getByText(/lab's own login/).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'console-connect.png') });
    await page.getByRole('button', { name: 'Connect' }).click();
    const prompt = page.getByRole('alertdialog', { name: 'Unknown host key' });
    await prompt.waitFor();
    expect(await prompt.locator('.fingerprint').textContent()).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    await page.screenshot({ path: join(shots, 'console-host-key.png') });
    await prompt.getByRole('button', { name: 'Trust and connect' }).click();

    const t0 = Date.now();
    await expect.poll(rows, { timeout: 10_000 }).toContain('<FW1>');
    console.log(`e2e: console prompt on screen ${Date.now() - t0} ms after trusting the key`);
    await page.locator('.xterm').click();
    await page.keyboard.type('display version');
    await page.keyboard.press('Enter');
    await expect.poll(rows, { timeout: 10_000 }).toMatch(/Comware Software, Version 7/);
    await page.screenshot({ path: join(shots, 'console.png') });

    // Save transcript: the download is the redacted JSON-lines transcript
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save transcript' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
    expect(text).toContain('Comware Software');
    expect(text).not.toContain(LAB_PASSWORD);
    // xterm's theme and size styles applied (admitted by the nonce, not dropped by the CSP)
    expect(await page.evaluate("getComputedStyle(document.querySelector('.xterm-rows span')).display")).toBe('inline-block');
  });

  it('creates a signed bundle from the current pair, downloads it, and verifies it as intact and trusted', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+1');
    await page.getByRole('button', { name: 'Open the lab pair' }).click();
    await page.keyboard.press('Alt+5');
    // enabled once the lab pair is the current, valid pair in the editor
    await expect.poll(() => page.getByRole('button', { name: 'Bundle the current pair' }).isEnabled(), { timeout: 8000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bundle the current pair' }).click()]);
    expect(download.suggestedFilename()).toBe('lab.hpb');
    const file = join(app.work, 'lab.hpb');
    await download.saveAs(file);
    await page.getByRole('status', { name: 'Bundle created' }).waitFor();
    await page.getByLabel(/Bundle file/).setInputFiles(file);
    await page.getByText('intact, signed by a trusted key.').waitFor();
    await page.getByText(/lab \(active-standby\)/).waitFor();
    await page.getByRole('region', { name: 'Apply the bundle' }).waitFor();
    await page.screenshot({ path: join(shots, 'bundles.png'), fullPage: true });
  });

  it('lists the lab host key in Settings, and validates the monitor ports as typed', async () => {
    const { page, mode } = app;
    await page.keyboard.press('Alt+6');
    const table = page.getByRole('region', { name: 'Known hosts' });
    await table.getByText(/^127\.0\.0\.1:\d+$/).first().waitFor();
    expect(await table.textContent()).toMatch(/SHA256:[A-Za-z0-9+/]{43}/);
    const port = page.locator('[data-field="syslogPort"] input');
    await port.fill('70000');
    await page.getByText('Syslog receiver port (UDP): type a whole number from 1 to 65535.').waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'settings-invalid-port.png'), fullPage: true });
    await port.fill('5515');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved\./).waitFor();
    expect((await mode.host.invoke('settings.get', {})) as unknown).toMatchObject({ ok: true, data: { syslog: { port: 5515 } } });
    await page.screenshot({ path: join(shots, 'settings.png'), fullPage: true });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
