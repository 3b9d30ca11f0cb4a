import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import type { ObservationSummary, StaffNote } from '../../src/contract/observations.js';
import { apiClient, FIXTURES, fixturesDir, publishedEventWithAttendees } from './support/api.js';

/**
 * The observation journey: an attendee opens the phone scorecard once, loses the network, records
 * five scores and two notes with two photos (one marked up), reloads the page while still offline
 * (service worker + IndexedDB bring everything back), comes back online and the outbox syncs; the
 * staff API then holds exactly five observations and two photos, and the live wall shows them.
 * It makes its own contexts (phone 390×844, wall 1920×1080), so it runs once, in the desktop project.
 */
const SCREENS = 'test-results/screens';
const PHONE = { width: 390, height: 844 };
const WALL = { width: 1920, height: 1080 };
const LOCALE = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

type Journey = { eventId: string; theme: string; passToken: string; storage: string };
let journey: Journey;

/** A published event (default template, half-day agenda, default route) and one registered attendee. */
async function publishedEventWithAttendee(baseURL: string, run: string): Promise<Journey> {
  const event = await publishedEventWithAttendees(baseURL, {
    run,
    theme: `标杆小区观察记录演练${run}`,
    names: [`吴观察${run}`],
    units: ['招商积余物业服务有限公司'],
  });
  return {
    eventId: event.eventId,
    theme: event.theme,
    passToken: event.attendees[0].passToken,
    storage: event.storage,
  };
}

/** A camera-sized JPEG (2400×1800: the phone must scale it down) with some shapes to look at. */
async function cameraJpeg(file: string, hue: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1800">
    <rect width="2400" height="1800" fill="${hue}"/>
    <rect x="300" y="900" width="1800" height="700" fill="#8a8f98"/>
    <circle cx="1800" cy="450" r="260" fill="#ffd666"/>
    <rect x="700" y="500" width="500" height="400" fill="#3a5f8f"/>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
}

async function shot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/observe-${name}.png`, fullPage: true });
}

/** Scores the first `n` points, dimension after dimension, on the 按维度 tab. */
async function scorePoints(page: Page, n: number) {
  await page.getByRole('tab', { name: '按维度' }).click();
  let scored = 0;
  const dimensions = page.getByTestId('dimension');
  const count = await dimensions.count();
  for (let d = 0; d < count && scored < n; d++) {
    const dimension = dimensions.nth(d);
    await dimension.locator('.stop-head').click();
    const points = dimension.getByTestId('point');
    const pointCount = await points.count();
    for (let p = 0; p < pointCount && scored < n; p++) {
      const point = points.nth(p);
      const stars = point.locator('.star');
      const buttons = (await stars.count()) ? stars : point.locator('fieldset.score button');
      if (!(await buttons.count())) continue;
      await buttons.nth(Math.min(3, (await buttons.count()) - 2)).click();
      await expect(point).toHaveClass(/done/);
      scored++;
    }
  }
  expect(scored).toBe(n);
}

/** Adds a photo through one of the note sheet's file inputs; marks it up with an arrow when asked. */
async function addPhoto(
  page: Page,
  input: 'photo-camera' | 'photo-gallery',
  file: string,
  markUp: boolean,
  firstPhoto: boolean,
) {
  const sheet = page.getByTestId('note-sheet');
  const before = await sheet.locator('.photos figure').count();
  await page.getByTestId(input).setInputFiles(file);
  if (firstPhoto) {
    // The one-time reminder comes before the first photo is used.
    const privacy = page.getByRole('dialog', { name: '拍照时注意保护业主隐私' });
    await expect(privacy).toBeVisible();
    await shot(page, '02-privacy');
    await privacy.getByRole('button', { name: '我知道了' }).click();
  }
  const canvas = page.getByTestId('markup-canvas');
  await expect(canvas).toBeVisible();
  if (markUp) {
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await shot(page, '03-markup');
    await page.getByRole('button', { name: '保存标注' }).click();
  } else {
    await page.getByRole('button', { name: '不标注，直接使用' }).click();
  }
  await expect(sheet.locator('.photos figure')).toHaveCount(before + 1);
}

async function waitForOfflineShell(page: Page) {
  // The service worker controls the page and holds every asset the page loaded.
  await page.waitForFunction(async () => {
    if (!navigator.serviceWorker.controller) return false;
    const cache = await caches.open('guanmo-assets-v1');
    const cached = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
    const used = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    const shell = await caches.match('/attendee.html');
    return !!shell && used.every((u) => cached.has(u));
  });
}

test.describe
  .serial('observation on site', () => {
    test.beforeAll(async ({ baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'makes its own phone and wall contexts');
      journey = await publishedEventWithAttendee(baseURL!, String(Date.now() % 100000));
    });

    test('the scorecard records offline, survives a reload and syncs once online', async ({
      browser,
      baseURL,
    }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'runs once');
      fixturesDir();
      const photoA = path.resolve(FIXTURES, 'observe-a.jpg');
      const photoB = path.resolve(FIXTURES, 'observe-b.jpg');
      await cameraJpeg(photoA, '#9ec5a0');
      await cameraJpeg(photoB, '#c8b49a');

      const phone: BrowserContext = await browser.newContext({
        ...LOCALE,
        baseURL,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
      });
      const page = await phone.newPage();
      const unloadWarnings: string[] = [];
      page.on('dialog', (dialog) => {
        unloadWarnings.push(dialog.type());
        void dialog.accept();
      });

      await test.step('first visit online: the route with the current stop first', async () => {
        await page.goto(`/p/${journey.passToken}/observe`);
        await expect(page.getByTestId('observe')).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('观察记录');
        await expect(page.getByTestId('stop').first()).toHaveClass(/current/);
        await expect(page.getByTestId('stop').first().getByTestId('point').first()).toBeVisible();
        await waitForOfflineShell(page);
        await shot(page, '01-route');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
      });

      await test.step('offline: five scores, two notes, two photos (one marked up)', async () => {
        await phone.setOffline(true);
        await scorePoints(page, 5);
        await expect(page.getByTestId('unsent-count')).toBeVisible();

        const first = page.getByTestId('dimension').first().getByTestId('point').first();
        await page.getByTestId('dimension').first().locator('.stop-head').click();
        await expect(first).toBeVisible();
        await first.getByRole('button', { name: '+ 问题（挑刺）' }).click();
        await page.getByTestId('note-text').fill('监控中心夜间无人值守，报警联动记录不全');
        await addPhoto(page, 'photo-camera', photoA, true, true);
        await shot(page, '04-note-sheet');
        await page.getByTestId('note-save').click();

        await first.getByRole('button', { name: '+ 亮点（取经）' }).click();
        await page.getByTestId('note-text').fill('人脸识别门禁与访客二维码联动，老人进出有语音提示');
        await addPhoto(page, 'photo-gallery', photoB, false, false);
        await page.getByTestId('note-save').click();
        await expect(first.getByTestId('my-note')).toHaveCount(2);
        await expect(page.getByTestId('sync-banner')).toContainText('离线');
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, '05-offline-drafts');
      });

      await test.step('reload while offline: the shell and every draft come back', async () => {
        const unsent = await page.getByTestId('unsent-count').textContent();
        await page.reload();
        expect(unloadWarnings).toContain('beforeunload');
        await expect(page.getByTestId('observe')).toBeVisible();
        await expect(page.getByTestId('unsent-count')).toHaveText(unsent!);
        await page.getByRole('tab', { name: '我的记录' }).click();
        await expect(page.getByTestId('my-note')).toHaveCount(2);
        await expect(page.locator('.scores li')).toHaveCount(5);
        await expect(page.locator('[data-testid="my-note"] .thumbs img')).toHaveCount(2);
        await shot(page, '06-reloaded-offline');
      });

      await test.step('back online: the outbox syncs by itself', async () => {
        await phone.setOffline(false);
        await expect(page.getByTestId('sync-banner')).toHaveCount(0, { timeout: 60_000 });
        await expect(page.locator('.tag.unsent')).toHaveCount(0);
        await shot(page, '07-synced');
      });

      await test.step('the server holds exactly five observations and two photos', async () => {
        const staff = await apiClient(baseURL!, journey.storage);
        const summary = await staff.call<ObservationSummary>(
          'get',
          `/events/${journey.eventId}/observations/summary`,
        );
        const answered = summary.sites
          .flatMap((s) => s.dimensions)
          .flatMap((d) => d.points)
          .reduce((sum, p) => sum + p.scored + p.na, 0);
        expect(answered).toBe(5);
        const notes = await staff.call<StaffNote[]>('get', `/events/${journey.eventId}/observations/notes`);
        expect(notes).toHaveLength(2);
        expect(notes.flatMap((n) => n.photos)).toHaveLength(2);
        expect(notes.flatMap((n) => n.photos).filter((p) => p.originalUrl)).toHaveLength(1);
        await staff.ctx.dispose();
      });

      await test.step('the shared view opens for a dimension the attendee scored', async () => {
        await page.getByRole('tab', { name: '大家的发现' }).click();
        await expect(page.getByTestId('shared-note').first()).toBeVisible();
        await shot(page, '08-shared');
      });
      await phone.close();
    });

    test('the live wall and the results page show them', async ({ browser, baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'runs once');
      const wall = await browser.newContext({
        ...LOCALE,
        baseURL,
        viewport: WALL,
        storageState: journey.storage,
      });
      const page = await wall.newPage();
      await page.goto(`/events/${journey.eventId}/observations/wall`);
      await expect(page.getByTestId('observation-wall')).toBeVisible();
      await expect(page.getByTestId('wall-highlight')).toContainText('人脸识别门禁');
      await expect(page.getByTestId('wall-problem')).toContainText('监控中心夜间无人值守');
      await expect(page.locator('[data-testid="wall-radar"] canvas')).toBeVisible();
      await page.waitForTimeout(800);
      await shot(page, '09-wall-1920');

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/events/${journey.eventId}/observations`);
      await expect(page.getByTestId('observation-results')).toBeVisible();
      await expect(page.getByTestId('results-notes')).toContainText('人脸识别门禁');
      await shot(page, '10-results-1280');
      await wall.close();
    });

    test('the run-of-show console on a staff phone', async ({ browser, baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'runs once');
      const phone = await browser.newContext({
        ...LOCALE,
        baseURL,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        storageState: journey.storage,
      });
      const page = await phone.newPage();
      await page.goto(`/events/${journey.eventId}/run-of-show`);
      await expect(page.getByTestId('run-of-show')).toBeVisible();
      const first = page.getByTestId('ros-item').first();
      await first.getByRole('button', { name: /^开\s?始$/ }).click();
      await expect(first).toHaveAttribute('data-state', 'running');
      await expect(page.getByTestId('ros-current')).toBeVisible();
      await shot(page, '11-run-of-show-390');
      await phone.close();
    });
  });
