import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_PASSWORD } from '../../src/lab/lab';
import { cableEnd, moveCable, readCable } from '../../src/lab/one-cable';
import { appInChromium } from './app-in-chromium';
import { openOneCableCard } from './one-cable-card';

// The wizard's "One cable" choice in Debian's chromium against browser mode: the lab started with
// one console cable from the Connect step, the flow run on it, the test moving the cable through
// the lab's API when the "Move the cable to B" card asks. A screenshot of every step.
const app = appInChromium({ name: '1c', timeout: 90_000, pairIndexBase: 222, isolateDataDir: true, height: 900, recordFrames: true });
const { shots, problems, frames } = app;
const shot = (name: string) => app.page.screenshot({ path: join(shots, `one-cable-${name}.png`), fullPage: true });

describe('the pairing wizard over one console cable (chromium)', () => {
  it('starts the lab with one cable, commissions A, asks for the cable on B, ends verified and saved', async () => {
    const { page, labDir } = app;

    // 1. The Connect step's choice, and the lab started in its one-cable form from there.
    const card = await openOneCableCard(app);
    const port = await card.getByLabel('Console port').inputValue();
    expect(port).toBe(join(labDir, 'console'));
    expect(cableEnd(readCable(labDir)!)).toBe('a');
    await shot('1-connect');

    // 2. A's part, then the card asking for the cable on B.
    await card.getByRole('button', { name: 'Commission over one cable' }).click();
    const move = page.getByRole('region', { name: 'Move the cable to B' });
    await move.waitFor({ timeout: 60_000 });
    expect(await move.textContent()).toMatch(/Move the console cable to device B/);
    expect(await card.getByRole('list', { name: 'One-cable log' }).textContent()).toMatch(/device A alone: hot backup configured/);
    await shot('2-move-cable');

    // The engineer unplugs: the card sees the port go; then plugs into B.
    const moved = moveCable(labDir, 'b', 1500);
    await move.getByText('The port went away: plug the cable into device B.').waitFor({ timeout: 5_000 });
    await shot('3-port-gone');
    await moved;

    // 3. B's part with its progress, then the verified, saved pair.
    await expect.poll(() => card.locator('label[for="one-cable-line"]').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/Device B: \d+\/\d+/);
    await shot('4-on-b');
    await card.getByRole('heading', { name: 'Verified and saved' }).waitFor({ timeout: 60_000 });
    expect(await move.count()).toBe(0);
    await shot('5-done');
    const journal = (await card.getByRole('region', { name: 'One-cable result' }).locator('code').textContent()) ?? '';
    const recs = readFileSync(journal, 'utf8');
    expect(recs).toMatch(/"mode":"one-cable"/);
    expect(recs).toMatch(/"type":"cable","to":"b","phase":"plugged"/);
    expect(recs).toMatch(/"outcome":"success"/);
    const phases = await card.getByRole('list', { name: 'One-cable steps' }).locator('li.seen').count();
    expect(phases).toBe(4);
    expect(frames.some((f) => f.includes('"event":"oneCable.progress"'))).toBe(true);
    expect(frames.join('\n')).not.toContain(LAB_PASSWORD);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 150_000);
});
