import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import QRCode from 'qrcode';
import { FIXTURES, fixturesDir, publishedEventWithAttendees } from './support/api.js';

/**
 * On-site journeys: a staff phone checks a pass in with the camera (a fake camera playing a video
 * of the pass's QR code), then checks three people in while offline and uploads them; the
 * dashboard and the sign-in wall show the arrivals. The spec makes its own browser contexts (phone
 * 390×844, wall 1920×1080), so it runs once, in the desktop project.
 */
const SCREENS = 'test-results/screens';
const PHONE = { width: 390, height: 844 };
const WALL = { width: 1920, height: 1080 };
/** antd spaces out a two-character Chinese button label (签 到). */
const CHECK_IN = /^签\s?到$/;
const LOCALE = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

type Person = { name: string; registrationId: string; passUrl: string };
type Journey = { eventId: string; theme: string; people: Person[]; storage: string };

let journey: Journey;

/** A published event with one site, open to non-members, and five registered people. */
async function publishedEventWithPeople(baseURL: string, run: string): Promise<Journey> {
  const names = ['赵签到', '钱离线', '孙离线', '李离线', '周未到'].map((name) => `${name}${run}`);
  const event = await publishedEventWithAttendees(baseURL, {
    run,
    theme: `标杆小区签到演练${run}`,
    names,
    units: ['碧桂园生活服务集团', '万科物业服务有限公司'],
  });
  const people = event.attendees.map(({ name, registrationId, passUrl }) => ({
    name,
    registrationId,
    passUrl,
  }));
  return { eventId: event.eventId, theme: event.theme, people, storage: event.storage };
}

/**
 * A Y4M video (what Chromium's fake camera plays) showing `text` as a QR code, black on white with
 * a quiet zone: 4:2:0 planes, grey chroma.
 */
function qrVideo(text: string, file: string, side = 480, frames = 10) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = Math.floor(side / (n + 8));
  const offset = Math.floor((side - cell * n) / 2);
  const luma = Buffer.alloc(side * side, 255);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let y = 0; y < cell; y++)
          luma.fill(
            0,
            (offset + r * cell + y) * side + offset + c * cell,
            (offset + r * cell + y) * side + offset + (c + 1) * cell,
          );
  const chroma = Buffer.alloc((side / 2) * (side / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

async function shot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/checkin-${name}.png`, fullPage: true });
}

async function arrivedOnDashboard(page: Page) {
  return Number(
    (await page.getByTestId('stat-arrived').locator('.ant-statistic-content-value').textContent())?.trim(),
  );
}

test.describe
  .serial('check-in on site', () => {
    test.beforeAll(async ({ baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'makes its own phone and wall contexts');
      const run = String(Date.now() % 100000);
      journey = await publishedEventWithPeople(baseURL!, run);
    });

    test('a staff phone checks a pass in with the camera', async ({ baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'runs once');
      const person = journey.people[0];
      fixturesDir();
      const video = path.resolve(FIXTURES, `pass-${person.registrationId}.y4m`);
      qrVideo(person.passUrl, video);
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      try {
        const context = await browser.newContext({
          baseURL,
          viewport: PHONE,
          isMobile: true,
          hasTouch: true,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          storageState: journey.storage,
        });
        await context.grantPermissions(['camera'], { origin: baseURL });
        const page = await context.newPage();
        await page.goto(`/events/${journey.eventId}/checkin`);
        await expect(page.getByTestId('scan-result')).toHaveAttribute('data-code', 'idle');
        await shot(page, '01-scanner-idle-390');
        await page.getByTestId('camera-start').click();
        const result = page.getByTestId('scan-result');
        await expect(result).toHaveAttribute('data-code', 'checked_in', { timeout: 30_000 });
        await expect(page.getByTestId('scan-result-name')).toHaveText(person.name);
        await expect(result).toContainText('签到成功');
        await expect(page.getByTestId('scan-undo')).toBeVisible();
        await shot(page, '02-scanner-camera-success-390');
        // The same code stays in front of the camera: it is not checked in again.
        await page.waitForTimeout(1500);
        await expect(result).toHaveAttribute('data-code', 'checked_in');
        await context.close();
      } finally {
        await browser.close();
      }
    });

    test('offline scans are queued, uploaded on reconnect and counted once', async ({
      browser,
      baseURL,
    }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'runs once');
      const offlinePeople = journey.people.slice(1, 4);

      const board = await browser.newContext({
        baseURL,
        viewport: { width: 1280, height: 900 },
        storageState: journey.storage,
        ...LOCALE,
      });
      const dashboard = await board.newPage();
      await dashboard.goto(`/events/${journey.eventId}/checkin/dashboard`);
      await expect(dashboard.getByTestId('live-badge')).toContainText('实时');
      await expect(dashboard.getByTestId('stat-expected')).toContainText('5');
      const before = await arrivedOnDashboard(dashboard);
      expect(before).toBe(1);

      const phone = await browser.newContext({
        baseURL,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        storageState: journey.storage,
        ...LOCALE,
      });
      const page = await phone.newPage();
      await page.goto(`/events/${journey.eventId}/checkin`);
      await expect(page.getByTestId('checkin-summary')).toContainText('应到 5 人，已到 1 人');
      await page.getByTestId('checkin-mode').getByText('搜索').click();

      await phone.setOffline(true);
      for (const person of offlinePeople) {
        await page.getByTestId('checkin-search').fill(person.name);
        const item = page.getByTestId('checkin-search-item').filter({ hasText: person.name });
        await item.getByRole('button', { name: CHECK_IN }).click();
        await expect(page.getByTestId('scan-result')).toHaveAttribute('data-code', 'checked_in');
        await expect(page.getByTestId('scan-result-name')).toHaveText(person.name);
        await expect(page.getByTestId('offline-tag')).toBeVisible();
      }
      await expect(page.getByTestId('queued-count')).toHaveText('3 待同步');
      // A second scan of someone checked in offline is told apart on the device.
      await page.getByTestId('checkin-search').fill(offlinePeople[0].name);
      await page
        .getByTestId('checkin-search-item')
        .filter({ hasText: offlinePeople[0].name })
        .getByRole('button', { name: CHECK_IN })
        .click();
      await expect(page.getByTestId('scan-result')).toHaveAttribute('data-code', 'already_checked_in');
      await expect(page.getByTestId('queued-count')).toHaveText('3 待同步');
      await expect(page.getByTestId('offline-banner')).toContainText('离线模式');
      await shot(page, '03-scanner-offline-queued-390');
      // Nothing reached the server while offline.
      expect(await arrivedOnDashboard(dashboard)).toBe(before);

      await phone.setOffline(false);
      await expect(page.getByTestId('offline-banner')).toBeHidden({ timeout: 30_000 });
      await shot(page, '04-scanner-synced-390');

      // The open dashboard updates live: exactly three new arrivals.
      await expect(dashboard.getByTestId('stat-arrived')).toContainText(String(before + 3), {
        timeout: 20_000,
      });
      for (const person of offlinePeople)
        await expect(dashboard.getByTestId('recent-arrivals')).toContainText(person.name);
      await expect(dashboard.getByTestId('recent-arrival')).toHaveCount(4);
      await shot(dashboard, '05-dashboard-1280');

      const wallContext = await browser.newContext({
        baseURL,
        viewport: WALL,
        storageState: journey.storage,
        ...LOCALE,
      });
      const wall = await wallContext.newPage();
      await wall.goto(`/events/${journey.eventId}/checkin/wall`);
      await expect(wall.getByTestId('wall-count')).toHaveText('4');
      await expect(wall.getByTestId('wall-card')).toHaveCount(4);
      await expect(wall.getByRole('heading', { name: journey.theme })).toBeVisible();
      await wall.waitForTimeout(800);
      await shot(wall, '06-wall-1920');

      await wallContext.close();
      await phone.close();
      await board.close();
    });

    test('groups: automatic grouping and moving a member', async ({ browser, baseURL }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'runs once');
      const context = await browser.newContext({
        baseURL,
        viewport: { width: 1280, height: 900 },
        storageState: journey.storage,
        ...LOCALE,
      });
      const page = await context.newPage();
      await page.goto(`/events/${journey.eventId}/groups`);
      await page.getByRole('spinbutton', { name: /每组人数/ }).fill('3');
      await page.getByTestId('groups-auto').click();
      await expect(page.getByTestId('group-card')).toHaveCount(2);
      await expect(page.getByTestId('group-ungrouped').getByTestId('group-member')).toHaveCount(0);
      // Move one member of the first group to the second with the "move to…" select.
      const first = page.getByTestId('group-card').nth(0);
      const member = first.getByTestId('group-member').first();
      const name = (await member.locator('.grp-member-name').textContent())?.trim() ?? '';
      const before = await first.getByTestId('group-member').count();
      await member.locator('.grp-move').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('第2组').click();
      await expect(first.getByTestId('group-member')).toHaveCount(before - 1);
      await expect(page.getByTestId('group-card').nth(1)).toContainText(name);
      await shot(page, '07-groups-1280');
      await page.setViewportSize(PHONE);
      await shot(page, '08-groups-390');
      await context.close();
    });
  });
