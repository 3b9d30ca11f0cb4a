import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { usccCheckChar } from '../../src/contract/uscc.js';
import { expectNoHorizontalOverflow, pickOption } from './support/antd.js';

/**
 * The registration journey: an event is prepared and published through the API as admin; a member
 * registers on the phone-sized page (errors, conditional field, PIPL consent), sees the pass,
 * receives the confirmation from a real SMTP server (scripts/e2e-mail-sink.mjs), opens the pass
 * from the e-mail, changes, exports, cancels and erases; staff then manage registrations in the
 * antd app. Runs at 1280×800 and 390×844.
 */
const ADMIN = { name: '王管理', email: 'admin@e2e.guanmo.test', password: 'e2e-password-1' };
const SCREENS = 'test-results/screens';
const widthOf = (page: Page) => page.viewportSize()?.width ?? 0;

async function shot(page: Page, step: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.loading, .ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/registration-${step}-${widthOf(page)}.png`, fullPage: true });
}

/** An API client with the CSRF double-submit cookie copied into the header. */
async function apiClient(baseURL: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  await ctx.get('/api/v1/auth/csrf');
  const csrf = (await ctx.storageState()).cookies.find((c) => c.name === 'guanmo_csrf')!.value;
  const call = async <T>(method: 'get' | 'post' | 'put', url: string, data?: unknown): Promise<T> => {
    const res = await ctx[method](`/api/v1${url}`, {
      data,
      headers: method === 'get' ? {} : { 'x-csrf-token': csrf },
    });
    expect(res.ok(), `${method.toUpperCase()} ${url} → ${res.status()} ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
  return { ctx, call };
}

/** Signs in as the e2e admin, doing the first-start setup through the API when nobody did yet. */
async function adminApi(baseURL: string) {
  const api = await apiClient(baseURL);
  const status = await api.call<{ needsSetup: boolean }>('get', '/setup');
  if (status.needsSetup) {
    const token = new URL(process.env.E2E_SETUP_URL!).searchParams.get('token');
    await api.call('post', '/setup', {
      token,
      association: { name: '深圳市物业管理协会（测试）', region: '深圳市' },
      admin: { name: ADMIN.name, email: ADMIN.email, mobile: '13800138000', password: ADMIN.password },
    });
  }
  await api.call('post', '/auth/login', { login: ADMIN.email, password: ADMIN.password });
  return api;
}

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

type Field = { id: string; label: string };

/** A published event with one site, the half-day agenda, the default route and two custom fields. */
async function publishedEvent(api: Awaited<ReturnType<typeof adminApi>>, seed: number) {
  const body = `91440300${String(seed).padStart(9, '0')}`;
  const unit = await api.call<{ id: string; name: string }>('post', '/member-units', {
    name: `深圳市报名测试物业服务有限公司${seed}`,
    uscc: body + usccCheckChar(body),
    unitType: 'property_company',
    level: 'member',
    projectTypes: ['luxury_residential'],
  });
  const site = await api.call<{ id: string }>('post', '/sites', {
    name: `锦绣华庭${seed}`,
    address: '深圳市南山区科技园南路 88 号',
    projectType: 'luxury_residential',
    willingness: 'yes',
  });
  const templates = await api.call<
    { isDefault: boolean; kind: string; currentVersion: { id: string } | null }[]
  >('get', '/templates');
  const template =
    templates.find((x) => x.isDefault && x.currentVersion) ?? templates.find((x) => x.currentVersion);
  const event = await api.call<{ id: string; slug: string; sites: { id: string }[] }>('post', '/events', {
    theme: `探寻智慧物业，共建美好家园 ${seed}`,
    objectives: ['learn_experience', 'exchange'],
    focusDimensionIds: [],
    eventDate: day(30),
    format: 'half_day',
    sites: [{ siteId: site.id, capacity: 40 }],
    templateVersionId: template!.currentVersion!.id,
    capacity: 60,
    fee: 0,
    registrationDeadline: `${day(25)}T18:00:00+08:00`,
    meetingPoint: '锦绣华庭营销中心一楼大堂',
    contactName: '王老师',
    contactPhone: '13800138000',
    notes: '请着正装，准时签到；拍照时请勿拍摄业主面部和车牌。',
  });
  await api.call('post', `/events/${event.id}/agenda/template`, { template: 'half_day' });
  await api.call('post', `/events/${event.id}/sites/${event.sites[0].id}/route/default`, {});
  const [hasSpeakerFirst] = await api.call<Field[]>('put', `/events/${event.id}/registration-fields`, [
    { label: '是否需要停车位', type: 'yes_no', required: true, options: [], showIf: null },
  ]);
  const fields = await api.call<Field[]>('put', `/events/${event.id}/registration-fields`, [
    {
      id: hasSpeakerFirst.id,
      label: '是否需要停车位',
      type: 'yes_no',
      required: true,
      options: [],
      showIf: null,
    },
    {
      label: '车牌号',
      type: 'text',
      required: true,
      options: [],
      showIf: { fieldId: hasSpeakerFirst.id, equals: 'true' },
    },
    {
      label: '用餐偏好',
      type: 'single_choice',
      required: false,
      options: ['无特殊要求', '清真', '素食'],
      showIf: null,
    },
  ]);
  await api.call('post', `/events/${event.id}/transition`, { to: 'published' });
  return { unit, event, fields };
}

/** Waits for an e-mail to `to` in the SMTP sink's mailbox file and returns it. */
async function mailTo(to: string) {
  const file = process.env.E2E_MAILBOX;
  expect(file, 'E2E_MAILBOX (run through npm run test:e2e)').toBeTruthy();
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      () => {
        if (!existsSync(file!)) return false;
        const lines = readFileSync(file!, 'utf8').split('\n').filter(Boolean);
        found = lines
          .map((l) => JSON.parse(l) as { to: string[]; subject: string; text: string })
          .find((m) => m.to.includes(to));
        return !!found;
      },
      { timeout: 30_000, message: `an e-mail to ${to}` },
    )
    .toBe(true);
  return found!;
}

test('registration journey: register on the phone page, pass, e-mail, self-service, staff', async ({
  page,
  baseURL,
  browser,
}) => {
  const width = widthOf(page);
  const seed = (Date.now() % 1_000_000) * 10 + (width > 600 ? 3 : 4);
  const api = await adminApi(baseURL!);
  const { unit, event } = await publishedEvent(api, seed);
  const mobile = `139${String(seed).padStart(8, '0').slice(-8)}`;
  const email = `member${seed}@e2e.guanmo.test`;
  let passUrl = '';

  await test.step('open the register page and see the client-side errors', async () => {
    await page.goto(`/e/${event.slug}/register`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('探寻智慧物业');
    await expect(page.getByText('剩余 40 / 40 个名额')).toBeVisible();
    await shot(page, '01-form');
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('register-submit').click();
    await expect(page.locator('[data-field="name"] .error')).toHaveText('请填写此项');
    await expect(page.locator('[data-field="memberUnitId"] .error')).toHaveText('请选择您的会员单位');
    await expect(page.locator('[data-field="mobile"] .error')).toHaveText('请输入 11 位手机号码');
    await expect(page.locator('[data-field="consent"] .error')).toBeVisible();
    // The same page in English (the catalog is fetched on demand), then back to Chinese.
    await page.getByTestId('attendee-lang').click();
    await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
    await expect(page.locator('[data-field="mobile"] .error')).toHaveText('Enter an 11-digit mobile number');
    await shot(page, '01-form-english');
    await page.getByTestId('attendee-lang').click();
    await expect(page.getByRole('heading', { name: '活动报名' })).toBeVisible();
  });

  await test.step('fill the form: unit picker, conditional field, consent', async () => {
    await page.getByLabel('姓名').fill('李参观');
    await page.getByLabel('会员单位').fill(`报名测试物业服务有限公司${seed}`);
    await page.getByRole('button', { name: unit.name }).click();
    await expect(page.getByTestId('unit-picked')).toContainText(unit.name);
    await page.getByLabel('职务').fill('项目经理');
    await page.getByLabel('手机号').fill(mobile);
    await page.getByLabel('邮箱').fill(email);
    await page.getByRole('checkbox', { name: '智慧化与科技应用' }).check();
    await expect(page.getByLabel('车牌号')).toHaveCount(0);
    await page.getByRole('group', { name: '是否需要停车位' }).getByText('是', { exact: true }).click();
    await expect(page.getByLabel('车牌号')).toBeVisible();
    await page.getByTestId('register-submit').click();
    await expect(page.locator('[data-field^="f-"] .error').first()).toHaveText('请填写此项');
    await page.getByLabel('车牌号').fill('粤B12345');
    await page.getByLabel('想请教被参观方的问题').fill('智慧监控中心的人员是如何排班的？');
    await expect(page.getByText('活动结束后保存 180 天，到期自动删除。')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /我已阅读并同意/ })).not.toBeChecked();
    await shot(page, '02-filled');
    await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await page.getByTestId('register-submit').click();
    await expect(page).toHaveURL(/\/p\/[^/]+$/);
    passUrl = page.url();
  });

  await test.step('the pass: QR, status, event, agenda and route', async () => {
    await expect(page.getByTestId('pass-status')).toContainText('报名成功');
    await expect(page.getByTestId('pass-qr')).toBeVisible();
    await expect(page.getByTestId('pass-name')).toHaveText('李参观');
    await expect(page.getByText('锦绣华庭营销中心一楼大堂')).toBeVisible();
    await expect(page.getByRole('heading', { name: '活动议程' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '参观路线' })).toBeVisible();
    await expect(page.getByTestId('pass-live')).toContainText('活动中');
    await shot(page, '03-pass');
    await expectNoHorizontalOverflow(page);
  });

  await test.step('registering again with the same mobile offers to resend the pass', async () => {
    await page.goto(`/e/${event.slug}/register`);
    await expect(page.getByText('您在本机已报名过本活动。')).toBeVisible();
    await page.getByLabel('姓名').fill('李参观');
    await page.getByLabel('会员单位').fill(`报名测试物业服务有限公司${seed}`);
    await page.getByRole('button', { name: unit.name }).click();
    await page.getByLabel('职务').fill('项目经理');
    await page.getByLabel('手机号').fill(mobile);
    await page.getByRole('group', { name: '是否需要停车位' }).getByText('否', { exact: true }).click();
    await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
    await page.getByTestId('register-submit').click();
    await expect(page.getByTestId('register-duplicate')).toBeVisible();
    await page.getByRole('button', { name: '重新发送参会凭证' }).click();
    await expect(page.getByTestId('resend-done')).toBeVisible();
    await shot(page, '04-duplicate');
  });

  await test.step('the confirmation e-mail arrives over SMTP and its link opens the pass', async () => {
    const mail = await mailTo(email);
    expect(mail.subject).toContain('报名');
    const link = /https?:\/\/\S+\/p\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeTruthy();
    expect(new URL(link!).pathname).toBe(new URL(passUrl).pathname);
    const other = await browser.newContext({ viewport: page.viewportSize()!, locale: 'zh-CN' });
    const phone = await other.newPage();
    await phone.goto(new URL(link!).pathname);
    await expect(phone.getByTestId('pass-status')).toContainText('报名成功');
    await expect(phone.getByTestId('pass-name')).toHaveText('李参观');
    await other.close();
  });

  await test.step('change details, calendar, export', async () => {
    await page.goto(new URL(passUrl).pathname);
    await page.getByTestId('pass-edit').click();
    await expect(page).toHaveURL(/\/edit$/);
    await page.getByLabel('职务').fill('品质部经理');
    await shot(page, '05-edit');
    await page.getByTestId('pass-save').click();
    await expect(page.getByText('修改已保存。')).toBeVisible();
    await expect(page.getByText('品质部经理')).toBeVisible();

    const ics = await page.request.get(
      await page
        .getByTestId('pass-calendar')
        .getAttribute('href')
        .then((h) => h!),
    );
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    const exported = page.waitForEvent('download');
    await page.getByTestId('pass-export').click();
    const file = await exported;
    const data = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(data.registration).toMatchObject({ name: '李参观', position: '品质部经理', mobile });
  });

  await test.step('cancel, then delete my data', async () => {
    await page.getByTestId('pass-cancel').click();
    await expect(page.getByRole('dialog')).toContainText('确认取消报名？');
    await shot(page, '06-cancel-dialog');
    await page.getByRole('dialog').getByRole('button', { name: '确认取消' }).click();
    await expect(page.getByTestId('pass-status')).toContainText('已取消');
    await shot(page, '07-cancelled');
    await page.getByTestId('pass-erase').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认删除' }).click();
    await expect(page.getByTestId('pass-erased')).toBeVisible();
    await page.goto(new URL(passUrl).pathname);
    await expect(page.getByText(/参会凭证不存在或已失效/)).toBeVisible();
  });

  await test.step('staff: the registrations tab of the event, a walk-in, cancel with a reason', async () => {
    // The admin's session from the API client, so the journey does not repeat the sign-in UI.
    await page.context().addCookies((await api.ctx.storageState()).cookies);
    await page.goto(`/events/${event.id}/registrations`);
    // The first visit downloads the antd app's chunks: slow on a busy 2-core machine.
    await expect(page.getByRole('tab', { name: '报名名单' })).toBeVisible({ timeout: 60_000 });
    const counts = page.getByTestId('registration-counts');
    await expect(counts.getByRole('button', { name: /已取消\s*1/ })).toBeVisible();
    await expect(page.getByRole('cell', { name: '（已删除）' })).toBeVisible();

    await page.getByTestId('registration-add').click();
    const drawer = page.getByRole('dialog', { name: '新增报名（含现场报名）' });
    await drawer.getByLabel('姓名').fill('张现场');
    await pickOption(page, drawer.getByLabel('会员单位'), unit.name, {
      search: `报名测试物业服务有限公司${seed}`,
    });
    await drawer.getByLabel('职务').fill('客服主管');
    await drawer.getByLabel('手机号').fill(`137${String(seed).padStart(8, '0').slice(-8)}`);
    await drawer.getByRole('radio', { name: '否' }).first().check();
    await drawer.getByRole('checkbox', { name: /本人已知悉并同意/ }).check();
    await shot(page, '08-staff-add');
    await page.getByTestId('registration-save').click();
    await expect(drawer).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: '张现场' });
    await expect(row.getByText('已确认')).toBeVisible();
    await expect(counts.getByRole('button', { name: /已确认\s*1/ })).toBeVisible();
    await shot(page, '09-staff-list');
    await expectNoHorizontalOverflow(page);

    await row.getByRole('button', { name: /操作/ }).click();
    await page.getByRole('menuitem', { name: '取消报名' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('原因（选填，会写入通知）').fill('单位临时有会，无法参加');
    await modal.getByRole('button', { name: '取消报名' }).click();
    await expect(row.getByText('已取消')).toBeVisible();

    await page.getByRole('tab', { name: '报名表字段' }).click();
    await expect(page.getByTestId('field-1')).toBeVisible();
    await expect(page.getByTestId('field-1').getByRole('textbox', { name: '字段名称' })).toHaveValue(
      '车牌号',
    );
    await shot(page, '10-staff-fields');
    await page.getByRole('tab', { name: '报名设置' }).click();
    await page.getByRole('switch', { name: '允许非会员单位报名' }).click();
    await page.getByTestId('registration-settings-save').click();
    await expect(page.getByText('报名设置已保存')).toBeVisible();
    await shot(page, '11-staff-settings');
  });

  await api.ctx.dispose();
});
