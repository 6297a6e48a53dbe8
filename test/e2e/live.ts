import { expect, type Page } from '@playwright/test';

/**
 * Waits for the dashboard to filter in place. Its card data is fetched when a person reaches for
 * the dashboard (a touch, a focus or a key; or an address with a filter): this touches it, as a
 * person does before changing a filter, then waits for the data. A touch before the page's script
 * has started is not seen (there is nothing yet to see it), so, like a person, it touches again.
 */
export async function live(page: Page): Promise<void> {
  await expect(async () => {
    await page.locator('.dashboard').dispatchEvent('pointerdown');
    await expect(page.locator('form[data-live="true"]')).toBeAttached({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
