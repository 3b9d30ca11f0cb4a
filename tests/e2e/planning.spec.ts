import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { confirmPopconfirm, expectNoHorizontalOverflow, pickOption } from './support/antd.js';

/**
 * The planning journey: a staff member creates an event with the wizard, applies the seed's
 * half-day agenda and the suggested route, sees the blockers go, and publishes. Runs after the
 * foundation journey (file order), which set up the association and its admin; E2E_LOGIN /
 * E2E_PASSWORD point it at another server (e.g. a demo one).
 */
const LOGIN = process.env.E2E_LOGIN ?? 'admin@e2e.guanmo.test';
const PASSWORD = process.env.E2E_PASSWORD ?? 'e2e-password-1';
const SCREENS = 'test-results/screens';

const widthOf = (page: Page) => page.viewportSize()?.width ?? 0;

async function shot(page: Page, step: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expectNoHorizontalOverflow(page, step);
  await page.screenshot({ path: `${SCREENS}/planning-${step}-${widthOf(page)}.png`, fullPage: true });
}

/** A date n days from now, YYYY-MM-DD in China time. */
const daysAhead = (n: number) =>
  new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

async function typeDate(page: Page, testId: string, value: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('planning journey: wizard, agenda template, route, publish', async ({ page }) => {
  const suffix = `${widthOf(page)}-${Date.now() % 100000}`;

  await test.step('sign in and make sure a site exists', async () => {
    await page.goto('/login');
    await page.getByLabel('邮箱或手机号').fill(LOGIN);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const csrf = (await page.context().cookies()).find((c) => c.name === 'guanmo_csrf')?.value ?? '';
    const res = await page.request.post('/api/v1/sites', {
      headers: { 'x-csrf-token': csrf },
      data: { name: `观摩示范小区${suffix}`, projectType: 'residential', willingness: 'yes' },
    });
    expect(res.status()).toBe(201);
  });

  await test.step('create the event with the wizard', async () => {
    await page.goto('/events');
    await shot(page, '01-list');
    await page.getByTestId('new-event').click();
    await page.getByTestId('theme').click();
    await page.locator('.ant-select-dropdown:visible').getByText('打造有温度的社区', { exact: true }).click();
    await page.getByText('学习先进经验', { exact: true }).click();
    await shot(page, '02-wizard-theme');
    await page.getByTestId('wizard-next').click();
    await expect(page.getByText('智慧化与科技应用')).toBeVisible();
    await page.getByText('智慧化与科技应用').click();
    await page.getByTestId('wizard-next').click();
    await typeDate(page, 'event-date', daysAhead(30));
    await pickOption(page, page.locator('#sites_0_siteId'), `观摩示范小区${suffix}`, {
      search: `观摩示范小区${suffix}`,
      byText: true,
    });
    await page.locator('input[id^="sites_0_capacity"]').fill('40');
    await typeDate(page, 'deadline', `${daysAhead(26)} 18:00`);
    await shot(page, '03-wizard-when');
    await page.getByTestId('wizard-next').click();
    await page.getByLabel('集合地点').fill('项目营销中心');
    await page.getByLabel('联系人').fill('王老师');
    await page.getByLabel('联系电话').fill('13800138000');
    await expect(page.getByLabel('注意事项')).toHaveValue(/保护业主隐私/);
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('event-theme')).toHaveText('打造有温度的社区');
    await expect(page.getByTestId('transition-published')).toContainText('议程还没有任何环节');
    await shot(page, '04-dashboard-blocked');
  });

  await test.step('apply the half-day agenda and the suggested route', async () => {
    await page.getByRole('tab', { name: '议程' }).click();
    await page.getByTestId('apply-template').hover();
    await page.getByText('半天流程（13:30–17:00）').click();
    await expect(page.getByText('经验分享会').first()).toBeVisible();
    await shot(page, '05-agenda');
    await page.getByRole('tab', { name: '参观路线' }).click();
    await page.getByTestId('route-default').click();
    await confirmPopconfirm(page);
    await expect(page.getByTestId('route-total')).toContainText('路线共 75 分钟，参观环节 75 分钟');
    await shot(page, '06-route');
  });

  await test.step('publish from the dashboard', async () => {
    await page.getByRole('tab', { name: '概览' }).click();
    const publish = page.getByTestId('transition-published').getByRole('button');
    await expect(publish).toBeEnabled();
    await publish.click();
    await confirmPopconfirm(page);
    await expect(page.getByTestId('event-status')).toHaveText('报名中');
    await shot(page, '07-published');
  });
});
