import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoHorizontalOverflow, pickOption } from './support/antd.js';

/**
 * The sites journey: create a benchmark site, upload a photo (with progress), score it on the
 * screening page, and ask the coverage page for the best site. Signs in as the admin of the
 * foundation journey, doing the setup through the API when this file runs on its own.
 */
const ADMIN = { name: '王管理', email: 'admin@e2e.guanmo.test', password: 'e2e-password-1' };
const SCREENS = 'test-results/screens';

const widthOf = (page: Page) => page.viewportSize()?.width ?? 0;

async function shot(page: Page, step: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/sites-${step}-${widthOf(page)}.png`, fullPage: true });
}

async function csrf(request: APIRequestContext) {
  await request.get('/api/v1/auth/csrf');
  const state = await request.storageState();
  return state.cookies.find((c) => c.name === 'guanmo_csrf')?.value ?? '';
}

async function signInAsAdmin(page: Page) {
  const request = page.context().request;
  const headers = { 'x-csrf-token': await csrf(request) };
  const status = await (await request.get('/api/v1/setup')).json();
  if (status.needsSetup) {
    const token = new URL(process.env.E2E_SETUP_URL ?? 'http://x/?token=').searchParams.get('token');
    const res = await request.post('/api/v1/setup', {
      headers,
      data: {
        token,
        association: { name: '深圳市物业管理协会（测试）', region: '深圳市' },
        admin: { name: ADMIN.name, email: ADMIN.email, password: ADMIN.password },
      },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
  const login = await request.post('/api/v1/auth/login', {
    headers,
    data: { login: ADMIN.email, password: ADMIN.password },
  });
  expect(login.ok(), await login.text()).toBe(true);
}

test('sites journey: create a site, upload a photo, score it, check coverage', async ({ page }) => {
  const siteName = `示例智慧产业园${widthOf(page)}-${Date.now() % 100000}`;
  await signInAsAdmin(page);

  await test.step('create a site', async () => {
    await page.goto('/sites');
    await expect(page.getByTestId('sites-create')).toBeVisible();
    await shot(page, '01-list');
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('sites-create').click();
    await page.getByTestId('site-name').fill(siteName);
    await pickOption(page, page.getByTestId('site-project-type'), '产业园');
    await shot(page, '02-create');
    await page.getByTestId('site-save').click();
    await expect(page.getByTestId('site-title')).toHaveText(siteName);
  });

  await test.step('upload a photo; a file that is not an image is refused', async () => {
    const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a9d8f' } })
      .jpeg()
      .toBuffer();
    await page
      .getByTestId('site-photo-input')
      .setInputFiles({ name: '园区大门.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect(page.getByTestId('site-photo')).toHaveCount(1);
    await expect(page.getByTestId('site-photo').getByText('封面')).toBeVisible();
    await page
      .getByTestId('site-photo-input')
      .setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('plain text') });
    await expect(page.getByText('只支持 JPEG、PNG、WebP 或 AVIF 格式的图片', { exact: false })).toBeVisible();
    await expect(page.getByTestId('site-photo')).toHaveCount(1);
    await shot(page, '03-detail');
    await expectNoHorizontalOverflow(page);
  });

  await test.step('score the site and see it on the shortlist', async () => {
    await page.goto('/sites/screening');
    const row = page.getByTestId('score-matrix').locator('tr', { hasText: siteName });
    await pickOption(page, row.locator('.ant-select').first(), '5');
    await row.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('评分已保存')).toBeVisible();
    const ranked = page.getByTestId('shortlist').locator('tr', { hasText: siteName });
    await expect(ranked).toContainText('5.00');
    await shot(page, '04-screening');
    await expectNoHorizontalOverflow(page);
  });

  await test.step('coverage: suggest the best single site', async () => {
    await page.goto('/sites/coverage');
    await page.getByTestId('suggest-1').click();
    await expect(page.getByTestId('coverage-share')).toBeVisible();
    await shot(page, '05-coverage');
    await expectNoHorizontalOverflow(page);
  });
});
