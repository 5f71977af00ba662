import type { Locator } from 'playwright-core';
import type { AppInChromium } from './app-in-chromium';

/** From the home screen to the wizard's "One console cable" card, the lab started there in its one-cable form and its cable chosen. */
export async function openOneCableCard(app: AppInChromium): Promise<Locator> {
  const { page, mode } = app;
  await page.goto(mode.server.url);
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'lab', exact: true }).click();
  await page.getByRole('heading', { name: /Pairing/ }).waitFor();

  await page.getByRole('button', { name: '1. Connect A and B' }).click();
  await page.getByRole('radio', { name: 'One cable' }).check();
  const card = page.getByRole('region', { name: 'One console cable' });
  await card.getByRole('button', { name: 'Start the lab pair with one cable' }).click();
  await card.getByRole('button', { name: "Use the lab's cable" }).click({ timeout: 30_000 });
  return card;
}
