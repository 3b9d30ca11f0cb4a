import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../../src/contract/uscc.js';
import { expectNoHorizontalOverflow, pickOption } from './support/antd.js';

/**
 * The foundation journey: setup → sign in → create a member unit → import an Excel file (first
 * with a bad row, then fixed) → export → English UI. Runs at desktop and at phone width; the
 * desktop run does the setup and the phone run signs in with the same account.
 */
const ADMIN = { name: '王管理', email: 'admin@e2e.guanmo.test', password: 'e2e-password-1' };
const SCREENS = 'test-results/screens';

/** A valid 统一社会信用代码 whose body ends with `seed` (so each run and width gets its own). */
function uscc(seed: number): string {
  const body = `91440300${String(seed).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

/** The same code with a wrong check character. */
const badCheckChar = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

const widthOf = (page: Page) => page.viewportSize()?.width ?? 0;

async function shot(page: Page, step: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/foundation-${step}-${widthOf(page)}.png`, fullPage: true });
}

async function openNav(page: Page, label: string) {
  const toggle = page.getByTestId('nav-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('menuitem', { name: label }).click();
}

async function setLanguage(page: Page, label: 'English' | '中文') {
  // Opened from the keyboard: on a phone a success toast can lie over the header switch.
  await expect(async () => {
    const option = page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true });
    if (!(await option.isVisible())) {
      await page.getByTestId('language-switch').first().locator('input').focus();
      await page.keyboard.press('ArrowDown');
    }
    await option.click({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

async function signIn(page: Page) {
  const loaded: string[] = [];
  const record = (request: { url(): string }) => loaded.push(request.url());
  page.on('request', record);
  await page.goto('/login');
  await shot(page, '02-login');
  page.off('request', record);
  // Split by route: the sign-in page does not download the admin pages.
  expect(loaded.filter((url) => /(MemberUnitsPage|UsersPage|AuditPage)-/.test(url))).toEqual([]);
  expect(loaded.some((url) => /LoginPage-/.test(url))).toBe(true);
  await expectNoHorizontalOverflow(page);
  await page.getByLabel('邮箱或手机号').fill(ADMIN.email);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await expect(page.getByTestId('home-greeting')).toContainText(ADMIN.name);
}

type Row = Record<string, string | number>;

/** Writes an .xlsx with the template's header row and the given rows keyed by header. */
async function workbookWith(headers: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会员单位');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readSheet(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    );
  });
  return rows;
}

test('foundation journey: setup, member units, Excel import and export, English', async ({ page }) => {
  const width = widthOf(page);
  const runSeed = (Date.now() % 1_000_000) * 10 + (width > 600 ? 1 : 2);
  const unitName = `深圳市标杆物业服务有限公司${width}`;
  const colleague = `陈同事${width}`;

  await test.step('setup (or the note that it is done)', async () => {
    const setupUrl = process.env.E2E_SETUP_URL;
    expect(setupUrl, 'E2E_SETUP_URL (run through npm run test:e2e)').toBeTruthy();
    await page.goto(setupUrl!);
    await expect(
      page.getByRole('heading', { name: '初始化观摩平台' }).or(page.getByText('系统已完成初始化')),
    ).toBeVisible();
    if (await page.getByText('系统已完成初始化').isVisible()) {
      await shot(page, '01-setup-done');
      await expectNoHorizontalOverflow(page);
      await page.getByRole('button', { name: '去登录' }).click();
      await expect(page).toHaveURL(/\/login/);
      return;
    }
    await page.getByLabel('协会名称').fill('深圳市物业管理协会（测试）');
    await page.getByLabel('所在地区').fill('深圳市');
    await page.getByLabel('姓名').fill(ADMIN.name);
    await page.getByLabel('邮箱（用于登录）').fill(ADMIN.email);
    await page.getByLabel('手机号（选填）').fill('13800138000');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('确认密码').fill(ADMIN.password);
    await expect(page.getByLabel('加载示例数据')).toBeVisible();
    await shot(page, '01-setup');
    await expectNoHorizontalOverflow(page);
    await page.getByRole('button', { name: '完成初始化' }).click();
    await expect(page.getByTestId('home-greeting')).toContainText(ADMIN.name);
    await expect(page.getByTestId('association-name')).toHaveText('深圳市物业管理协会（测试）');
    // Sign out, to sign in again below like any later visit.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step('sign in', async () => {
    await signIn(page);
    // The account may remember English from an earlier run: this journey starts in Chinese.
    if (!(await page.getByRole('heading', { name: /^您好/ }).isVisible())) await setLanguage(page, '中文');
    await shot(page, '02-home');
    await expectNoHorizontalOverflow(page);
  });

  await test.step('create a member unit', async () => {
    await openNav(page, '会员单位');
    await expect(page.getByRole('heading', { name: '会员单位' })).toBeVisible();
    await page.getByTestId('member-units-create').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('单位名称').fill(unitName);
    await drawer.getByLabel('统一社会信用代码').fill('9144030071526726X0');
    await drawer.getByLabel('单位名称').click();
    await expect(drawer.getByText('统一社会信用代码无效')).toBeVisible();
    await drawer.getByLabel('统一社会信用代码').fill(uscc(runSeed));
    await pickOption(page, drawer.getByLabel('单位类型'), '物业服务企业');
    await pickOption(page, drawer.getByLabel('会员级别'), '理事单位');
    await pickOption(page, drawer.getByLabel('管理项目类型'), '高端住宅');
    await drawer.getByLabel('单位名称').click();
    await drawer.getByRole('button', { name: '添加联系人' }).click();
    await drawer.getByLabel('姓名').fill('李经理');
    await drawer.getByLabel('手机号').fill('13912345678');
    await shot(page, '03-member-unit-form');
    await page.getByTestId('member-unit-save').click();
    await expect(page.getByRole('dialog')).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: unitName });
    await expect(row.getByRole('cell', { name: '理事单位', exact: true })).toBeVisible();
    await shot(page, '04-member-units');
    await expectNoHorizontalOverflow(page);
  });

  const goodName = `导入测试物业有限公司${runSeed}`;
  const otherName = `导入测试开发有限公司${runSeed}`;

  await test.step('import an Excel file with a bad row, see the errors', async () => {
    await page.getByTestId('member-units-import').click();
    const modal = page.getByRole('dialog');
    const templateDownload = page.waitForEvent('download');
    await modal.getByRole('button', { name: '下载模板' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const headers = (await readSheet(await template.path()))[0];
    expect(headers).toEqual(expect.arrayContaining(['单位名称', '统一社会信用代码', '单位类型', '会员级别']));

    const rows = (badUscc: string): Row[] => [
      {
        单位名称: goodName,
        统一社会信用代码: uscc(runSeed + 100),
        单位类型: '物业服务企业',
        会员级别: '会员单位',
        管理项目类型: '普通住宅、老旧小区',
        联系人: '赵六',
        联系人手机: '13700001111',
      },
      { 单位名称: otherName, 统一社会信用代码: badUscc, 单位类型: '开发建设单位', 会员级别: '理事单位' },
    ];
    const upload = modal.locator('input[type=file]');
    await upload.setInputFiles({
      name: 'members-bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbookWith(headers, rows(badCheckChar(uscc(runSeed + 200)))),
    });
    await expect(modal.getByTestId('import-has-errors')).toBeVisible();
    await expect(modal.locator('tr.gm-row-error')).toHaveCount(1);
    await expect(modal.locator('tr.gm-row-ok')).toHaveCount(1);
    await expect(modal.locator('tr.gm-row-error')).toContainText('统一社会信用代码无效');
    await expect(modal.getByTestId('import-commit')).toContainText('确认导入 1 条有效记录');
    await shot(page, '05-import-preview-error');

    await test.step('fix the file, preview again and import', async () => {
      await upload.setInputFiles({
        name: 'members-fixed.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbookWith(headers, rows(uscc(runSeed + 200))),
      });
      await expect(modal.locator('tr.gm-row-error')).toHaveCount(0);
      await expect(modal.locator('tr.gm-row-ok')).toHaveCount(2);
      await expect(modal.getByTestId('import-commit')).toContainText('确认导入 2 条有效记录');
      await shot(page, '06-import-preview-fixed');
      await modal.getByTestId('import-commit').click();
      await expect(modal.getByTestId('import-result')).toContainText('新增 2 家');
      await shot(page, '07-import-done');
      await modal.getByRole('button', { name: /^完\s?成$/ }).click();
      await expect(page.getByRole('cell', { name: goodName })).toBeVisible();
    });
  });

  await test.step('export the list as .xlsx', async () => {
    const exportDownload = page.waitForEvent('download');
    await page.getByTestId('member-units-export').click();
    const file = await exportDownload;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const names = (await readSheet(await file.path())).map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining([unitName, goodName, otherName]));
  });

  await test.step('invite a colleague and open the link signed out', async () => {
    await openNav(page, '用户与邀请');
    await page.getByRole('tab', { name: '邀请' }).click();
    await page.getByRole('button', { name: '创建邀请' }).click();
    const modal = page.getByRole('dialog');
    await pickOption(page, modal.getByLabel('角色'), '协会工作人员');
    await modal.getByLabel('姓名').fill(colleague);
    await modal.getByRole('button', { name: '生成邀请链接' }).click();
    const link = (await modal.getByTestId('invite-link').textContent()) ?? '';
    expect(link).toMatch(/\/invite\/\S+$/);
    await shot(page, '10-invite-created');
    await modal.getByRole('button', { name: /^完\s?成$/ }).click();
    await expect(page.getByRole('cell', { name: colleague })).toBeVisible();

    const guest = await page
      .context()
      .browser()!
      .newContext({ viewport: page.viewportSize()!, locale: 'zh-CN' });
    const invitePage = await guest.newPage();
    await invitePage.goto(new URL(link.trim()).pathname);
    await expect(invitePage.getByRole('heading', { name: /^加入/ })).toBeVisible();
    await expect(invitePage.getByLabel('姓名')).toHaveValue(colleague);
    await shot(invitePage, '11-invite-page');
    await expectNoHorizontalOverflow(invitePage);
    await guest.close();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '我的账号' }).click();
    await expect(page.getByRole('heading', { name: '我的账号' })).toBeVisible();
    await shot(page, '12-account');
    await expectNoHorizontalOverflow(page);
    await openNav(page, '会员单位');
  });

  await test.step('switch to English', async () => {
    await setLanguage(page, 'English');
    await expect(page.getByRole('heading', { name: 'Member units' })).toBeVisible();
    await expect(page.getByTestId('member-units-create')).toContainText('New member unit');
    await shot(page, '08-english-member-units');
    await expectNoHorizontalOverflow(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Member units' })).toBeVisible();
    for (const [label, heading] of [
      ['Users & invites', 'Users & invites'],
      ['Audit log', 'Audit log'],
      ['Home', `Hello, ${ADMIN.name}`],
    ]) {
      await openNav(page, label);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      if (label === 'Audit log') {
        // Each entry expands to what changed.
        await page.getByRole('button', { name: 'Expand row' }).first().click();
        await expect(page.getByRole('columnheader', { name: 'After' })).toBeVisible();
      }
      await shot(page, `09-english-${label.split(' ')[0].toLowerCase()}`);
      await expectNoHorizontalOverflow(page);
    }
    // Leave the account in Chinese for the next run.
    await setLanguage(page, '中文');
    await expect(page.getByRole('heading', { name: `您好，${ADMIN.name}` })).toBeVisible();
  });
});
