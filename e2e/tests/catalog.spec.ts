import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, recordFigures, screenshot } from '../support/screens';

const SHIPPED = readdirSync(path.join(__dirname, '../../courses')).filter((d) =>
  existsSync(path.join(__dirname, '../../courses', d, 'course.yaml')),
);

test.describe('the catalogue', () => {
  test('opens in Kazakh with every shipped course, accessible, and switches to ru and en', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/courses$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Курстар каталогы');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    // Every shipped course (other tests of the run may have published more).
    for (const slug of SHIPPED)
      await expect(page.locator(`li[data-slug="${slug}"]`)).toHaveCount(1);
    await expect(page.locator('[data-slug="ai-in-teachers-work"] h2')).toHaveText(
      'Педагог жұмысындағы жасанды интеллект',
    );
    await screenshot(page, 'catalog-kk');
    await expectAccessible(page);

    await page.getByLabel('Тіл', { exact: true }).selectOption('ru');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Каталог курсов');
    await expect(page.locator('[data-slug="ai-in-teachers-work"] h2')).toHaveText(
      'Искусственный интеллект в работе педагога',
    );
    // Remembered on this device.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Каталог курсов');
    await expect(page.getByLabel('Язык', { exact: true })).toHaveValue('ru');
    await screenshot(page, 'catalog-ru');

    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course catalogue');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await screenshot(page, 'catalog-en');
  });

  test('filters by level and searches', async ({ page }) => {
    await page.goto('/courses');
    await page.getByLabel('Деңгей', { exact: true }).selectOption('deepen');
    await expect(page.locator('li.q-card')).toHaveCount(3);
    await page.getByLabel('Деңгей', { exact: true }).selectOption('');
    await page.getByLabel('Курс іздеу').fill('нейрон');
    await expect(page.locator('li.q-card')).toHaveCount(1);
    await expect(page.locator('li.q-card')).toHaveAttribute(
      'data-slug',
      'neural-networks-in-the-classroom',
    );
  });

  test('fits a 360 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/courses');
    await expect(page.locator('li.q-card').first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(page, 'catalog-phone');
  });

  test('measures the catalogue on a slow 3G line; initial JavaScript within 300 KB compressed', async ({
    page,
  }) => {
    // WebPageTest's "3G Slow": 400 kbit/s each way, 400 ms round trip; nothing cached.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    const encoded = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId);
      if (url) encoded.set(url, e.encodedDataLength);
    });

    const started = Date.now();
    await page.goto('/courses', { waitUntil: 'commit' });
    await expect(page.locator('li.q-card').first()).toBeVisible({ timeout: 30_000 });
    const usableMs = Date.now() - started;

    // Initial JavaScript: the scripts index.html loads (lazy chunks come after).
    const html = await (await page.request.get('/courses')).text();
    const initial = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
    const size = (name: string) =>
      [...encoded].find(([url]) => url.endsWith(`/${name}`))?.[1] ?? NaN;
    const initialBytes = initial.reduce((sum, f) => sum + size(f), 0);
    const allJsBytes = [...encoded]
      .filter(([url]) => url.endsWith('.js'))
      .reduce((s, [, n]) => s + n, 0);
    recordFigures({
      catalogSlow3g: {
        profile: '400 kbit/s down and up, 400 ms RTT, cache disabled',
        usableMs,
        initialJsFiles: initial,
        initialJsKbCompressed: Math.round(initialBytes / 102.4) / 10,
        allJsKbCompressedOnCatalog: Math.round(allJsBytes / 102.4) / 10,
      },
    });
    expect(initial.length).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(300 * 1024);
  });
});
