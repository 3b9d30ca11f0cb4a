import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Download,
  expect,
  type Page,
  test,
} from '@playwright/test';
import sharp from 'sharp';
import { usccCheckChar } from '../../src/contract/uscc.js';
import { confirmPopconfirm, expectNoHorizontalOverflow, pickOption } from './support/antd.js';

/**
 * The issue-3 planning journey, end to end through the UI: staff adds two sites with photos, scores
 * them on the screening page, takes the pair the coverage page suggests, creates a half-day event
 * with them in the wizard, applies the seed's half-day agenda, edits a route, publishes, downloads
 * the notice (PDF and Word) from the public page, checks the public page on a phone, and a host
 * linked to one of the sites sees the event on /host/events.
 *
 * Only setup/sign-in, the member units that make the coverage suggestion unambiguous and the host's
 * invite go through the API. The spec makes its own phone contexts, so it runs once (desktop).
 */
const ADMIN = { name: '王管理', email: 'admin@e2e.guanmo.test', password: 'e2e-password-1' };
const SCREENS = 'test-results/screens';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const LOCALE = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
/** Project types no other journey gives its sites, so this journey's pair is the best one. */
const TYPES = [
  { code: 'office', label: '写字楼' },
  { code: 'commercial_complex', label: '商业综合体' },
] as const;

const widthOf = (page: Page) => page.viewportSize()?.width ?? 0;

async function shot(page: Page, step: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expectNoHorizontalOverflow(page, step);
  // From the top, so fixed headers and bars are drawn where they belong in the full-page image.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `${SCREENS}/planning-journey-${step}-${widthOf(page)}.png`,
    fullPage: true,
  });
}

/** The same page at desktop and at phone width (back to desktop afterwards). */
async function shotBoth(page: Page, step: string) {
  await shot(page, step);
  await page.setViewportSize(PHONE);
  await shot(page, step);
  await page.setViewportSize(DESKTOP);
}

async function csrfHeaders(request: APIRequestContext) {
  await request.get('/api/v1/auth/csrf');
  const token = (await request.storageState()).cookies.find((c) => c.name === 'guanmo_csrf')?.value ?? '';
  return { 'x-csrf-token': token };
}

async function call<T>(request: APIRequestContext, method: 'get' | 'post', url: string, data?: unknown) {
  const headers = method === 'get' ? {} : await csrfHeaders(request);
  const res = await request[method](`/api/v1${url}`, { data, headers });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Sets the association up when this spec runs first, then signs the admin in (cookies of `request`). */
async function signInAsAdmin(request: APIRequestContext) {
  const status = await call<{ needsSetup: boolean }>(request, 'get', '/setup');
  if (status.needsSetup) {
    const token = new URL(process.env.E2E_SETUP_URL ?? 'http://x/?token=').searchParams.get('token');
    await call(request, 'post', '/setup', {
      token,
      association: { name: '深圳市物业管理协会（测试）', region: '深圳市' },
      admin: { name: ADMIN.name, email: ADMIN.email, password: ADMIN.password },
    });
  }
  await call(request, 'post', '/auth/login', { login: ADMIN.email, password: ADMIN.password });
}

/** A valid 统一社会信用代码 ending in `seed`. */
function uscc(seed: number): string {
  const body = `91440300${String(seed).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

/**
 * Member units that manage only one of this journey's two types, more of each than all other
 * units together: the pair of this journey's sites then covers strictly more than any other pair.
 */
async function unitsForCoverage(request: APIRequestContext, run: number) {
  const existing = await call<{ total: number }>(request, 'get', '/member-units?pageSize=1');
  const perType = existing.total + 1;
  let n = 0;
  for (const type of TYPES) {
    for (let i = 0; i < perType; i++) {
      n += 1;
      await call(request, 'post', '/member-units', {
        name: `${type.label}物业服务公司${run}-${n}`,
        uscc: uscc(run * 1000 + n),
        unitType: 'property_company',
        level: 'member',
        projectTypes: [type.code],
      });
    }
  }
}

/** A small JPEG of one colour with a label-free gradient stripe (sharp, no fixture files). */
async function jpeg(colour: string) {
  return sharp({ create: { width: 640, height: 420, channels: 3, background: colour } })
    .composite([
      {
        input: await sharp({ create: { width: 640, height: 80, channels: 3, background: '#ffffff' } })
          .png()
          .toBuffer(),
        top: 340,
        left: 0,
      },
    ])
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function saveDownload(page: Page, link: string, dir: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByRole('link', { name: link }).click(),
  ]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename(), bytes: readFileSync(file) };
}

async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true, ...LOCALE });
}

test('planning journey: sites → screening → coverage → event → route → publish → notice → public → host', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'makes its own phone contexts; runs once');
  test.setTimeout(300_000);
  const run = Date.now() % 100000;
  const siteNames = [`观摩写字楼${run}`, `观摩商业综合体${run}`];
  const theme = `标杆项目观摩学习${run}`;
  const slug = `journey-${run}`;
  const hostEmail = `host-${run}@e2e.guanmo.test`;
  const hostName = `赵接待${run}`;
  const hostPassword = 'e2e-host-password-1';
  await page.setViewportSize(DESKTOP);
  await signInAsAdmin(page.context().request);
  await unitsForCoverage(page.context().request, run);

  await test.step('add two sites with photos', async () => {
    for (const [i, name] of siteNames.entries()) {
      await page.goto('/sites');
      await page.getByTestId('sites-create').click();
      await page.getByTestId('site-name').fill(name);
      await pickOption(page, page.getByTestId('site-project-type'), TYPES[i].label);
      await page.getByLabel('所在区域').fill('南山区');
      await page.locator('label.ant-radio-button-wrapper', { hasText: /^愿意$/ }).click();
      await expect(page.getByRole('radio', { name: '愿意', exact: true })).toBeChecked();
      if (i === 0) await shot(page, '01-site-create');
      await page.getByTestId('site-save').click();
      await expect(page.getByTestId('site-title')).toHaveText(name);
      await page.getByTestId('site-photo-input').setInputFiles({
        name: `${name}-大堂.jpg`,
        mimeType: 'image/jpeg',
        buffer: await jpeg(i ? '#e76f51' : '#2a9d8f'),
      });
      await expect(page.getByTestId('site-photo')).toHaveCount(1);
      await page
        .getByTestId('site-photo-input')
        .setInputFiles({ name: `${name}-园区.jpg`, mimeType: 'image/jpeg', buffer: await jpeg('#264653') });
      await expect(page.getByTestId('site-photo')).toHaveCount(2);
      await expect(page.getByTestId('site-photo').first().getByText('封面')).toBeVisible();
    }
    await shotBoth(page, '02-site-detail');
  });

  await test.step('score both sites on every criterion', async () => {
    await page.goto('/sites/screening');
    for (const [i, name] of siteNames.entries()) {
      const row = page.getByTestId('score-matrix').locator('tr', { hasText: name });
      const selects = row.locator('.ant-select');
      await expect(selects.first()).toBeVisible();
      const count = await selects.count();
      expect(count).toBeGreaterThan(0);
      for (let c = 0; c < count; c++) {
        const score = i === 0 || c > 0 ? '5' : '4';
        // A dropdown may still be closing from the previous cell: open this one until its option shows.
        await expect(async () => {
          const open = page.locator('.ant-select-dropdown:visible');
          if (await open.count()) await page.keyboard.press('Escape');
          await expect(open).toHaveCount(0, { timeout: 2000 });
          await selects.nth(c).click();
          await page
            .locator('.ant-select-dropdown:visible')
            .getByTitle(score, { exact: true })
            .click({ timeout: 2000 });
          await expect(selects.nth(c)).toContainText(score, { timeout: 2000 });
        }).toPass({ timeout: 20_000 });
      }
      await row.getByRole('button', { name: /保\s*存/ }).click();
      await expect(page.getByText('评分已保存').first()).toBeVisible();
      await expect(page.getByTestId('shortlist').locator('tr', { hasText: name })).toBeVisible();
    }
    await expect(page.getByTestId('shortlist').locator('tr', { hasText: siteNames[0] })).toContainText(
      '5.00',
    );
    await shotBoth(page, '03-screening');
  });

  await test.step('coverage suggests this pair', async () => {
    await page.goto('/sites/coverage');
    await page.getByTestId('suggest-2').click();
    await expect(page.getByTestId('coverage-share')).toBeVisible();
    const picked = page.getByTestId('coverage-sites').locator('.ant-select-selection-item');
    await expect(picked).toHaveCount(2);
    const names = (await picked.allTextContents()).map((label) => label.replace(/（.*）$/, ''));
    expect(names.sort()).toEqual([...siteNames].sort());
    await shotBoth(page, '04-coverage');
  });

  await test.step('create the half-day event with the suggested pair in the wizard', async () => {
    await page.goto('/events');
    await page.getByTestId('new-event').click();
    await page
      .getByTestId('theme')
      .locator('input')
      .or(page.locator('input[data-testid="theme"]'))
      .first()
      .fill(theme);
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await page.getByText('学习先进经验', { exact: true }).click();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-next').click();
    const date = new Date(Date.now() + 8 * 3600_000 + 30 * 86400_000).toISOString().slice(0, 10);
    const deadline = new Date(Date.now() + 8 * 3600_000 + 26 * 86400_000).toISOString().slice(0, 10);
    const eventDate = page
      .locator('input[data-testid="event-date"]')
      .or(page.getByTestId('event-date').locator('input'))
      .first();
    await eventDate.click();
    await eventDate.fill(date);
    await eventDate.press('Enter');
    await expect(page.getByRole('radio', { name: /半天/ })).toBeChecked();
    await page.getByRole('button', { name: '再加一个参观项目' }).click();
    for (const [i, name] of siteNames.entries()) {
      await pickOption(page, page.locator(`#sites_${i}_siteId`), name, { search: name, byText: true });
      await page.locator(`input[id^="sites_${i}_capacity"]`).fill('30');
    }
    const deadlineInput = page
      .locator('input[data-testid="deadline"]')
      .or(page.getByTestId('deadline').locator('input'))
      .first();
    await deadlineInput.click();
    await deadlineInput.fill(`${deadline} 18:00`);
    await deadlineInput.press('Enter');
    await shot(page, '05-wizard-when');
    await page.getByTestId('wizard-next').click();
    await page.getByLabel('集合地点').fill('项目南门广场');
    await page.getByLabel('联系人').fill('王老师');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('短链接').fill(slug);
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('event-theme')).toHaveText(theme);
    for (const name of siteNames) await expect(page.getByText(name).first()).toBeVisible();
  });

  await test.step('apply the half-day agenda', async () => {
    await page.getByRole('tab', { name: '议程' }).click();
    await page.getByTestId('apply-template').hover();
    await page.getByText('半天流程（13:30–17:00）').click();
    await expect(page.getByText('经验分享会').first()).toBeVisible();
    await shotBoth(page, '06-agenda');
  });

  await test.step('route: the suggested route for both sites, then edit the first one', async () => {
    await page.getByRole('tab', { name: '参观路线' }).click();
    const cards = page.getByTestId('route-site');
    await expect(cards).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      await cards.nth(i).getByTestId('route-default').click();
      await confirmPopconfirm(page);
      await expect(cards.nth(i).getByTestId('route-total')).toContainText(/路线共 \d+ 分钟/);
    }
    const first = cards.first();
    const totalOf = async () =>
      Number(/路线共 (\d+) 分钟/.exec((await first.getByTestId('route-total').textContent()) ?? '')?.[1]);
    const before = await totalOf();
    const stopNames = first.getByRole('textbox', { name: '站点名称' });
    const firstStop = await stopNames.nth(0).inputValue();
    const secondStop = await stopNames.nth(1).inputValue();
    // Five minutes less at the first stop, then it moves below the second.
    const minutes = first.getByRole('spinbutton').first();
    const was = Number(await minutes.inputValue());
    await minutes.fill(String(was - 5));
    await minutes.blur();
    await expect(first.getByTestId('route-total')).toContainText(`路线共 ${before - 5} 分钟`);
    await first.getByRole('button', { name: '下移' }).first().click();
    await expect(stopNames.nth(0)).toHaveValue(secondStop);
    await expect(stopNames.nth(1)).toHaveValue(firstStop);
    await first.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('路线已保存').first()).toBeVisible();
    await page.reload();
    await expect(
      page.getByTestId('route-site').first().getByRole('textbox', { name: '站点名称' }).nth(0),
    ).toHaveValue(secondStop);
    await expect(page.getByTestId('route-site').first().getByTestId('route-total')).toContainText(
      `路线共 ${before - 5} 分钟`,
    );
    await shotBoth(page, '07-route');
  });

  await test.step('publish', async () => {
    await page.getByRole('tab', { name: '概览' }).click();
    const publish = page.getByTestId('transition-published').getByRole('button');
    await expect(publish).toBeEnabled();
    await publish.click();
    await confirmPopconfirm(page);
    await expect(page.getByTestId('event-status')).toHaveText('报名中');
    await shotBoth(page, '08-published');
  });

  const phone = await phoneContext(browser, baseURL!);
  try {
    await test.step('public page on a phone: theme, agenda, register button', async () => {
      const pub = await phone.newPage();
      const res = await pub.goto(`/e/${slug}`);
      expect(res?.status()).toBe(200);
      await expect(pub.locator('h1')).toHaveText(theme);
      await expect(pub.locator('.badge')).toHaveText('报名中');
      await expect(pub.getByRole('heading', { name: '活动安排' })).toBeVisible();
      await expect(pub.locator('ul.agenda li').first()).toBeVisible();
      await expect(pub.locator('ul.agenda')).toContainText('经验分享会');
      await expect(pub.locator('ul.agenda')).toContainText('13:30');
      for (const name of siteNames) await expect(pub.getByRole('heading', { name })).toBeVisible();
      await expect(pub.locator('.photos img')).toHaveCount(4);
      const register = pub.locator('.bar a');
      await expect(register).toHaveText('立即报名');
      await expect(register).toHaveAttribute('href', new RegExp(`/e/${slug}/register`));
      const box = await register.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height + 1);
      await shot(pub, '09-public');
      const wide = await browser.newPage({ baseURL, viewport: DESKTOP, ...LOCALE });
      await wide.goto(`/e/${slug}`);
      await expect(wide.locator('h1')).toHaveText(theme);
      await shot(wide, '09-public');
      await wide.close();

      const dir = mkdtempSync(path.join(os.tmpdir(), 'planning-journey-'));
      const pdf = await saveDownload(pub, '正式通知（PDF）', dir);
      expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain(theme);
      const docx = await saveDownload(pub, '正式通知（Word）', dir);
      expect(docx.name).toMatch(/\.docx$/);
      expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(docx.bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
      writeFileSync(path.join(dir, 'ok'), 'downloads checked');
    });
  } finally {
    await phone.close();
  }

  await test.step('a host linked to the first site sees the event on /host/events', async () => {
    const invite = await call<{ token: string }>(page.context().request, 'post', '/invites', {
      role: 'host',
      name: hostName,
      email: hostEmail,
    });
    const host = await browser.newContext({ baseURL, viewport: DESKTOP, ...LOCALE });
    try {
      await call(host.request, 'post', `/invites/by-token/${invite.token}/accept`, {
        name: hostName,
        email: hostEmail,
        password: hostPassword,
      });
      // Staff links the host account on the site page.
      await page.goto('/sites');
      await page.getByRole('link', { name: siteNames[0], exact: true }).click();
      await expect(page.getByTestId('site-title')).toHaveText(siteNames[0]);
      await pickOption(page, page.getByTestId('site-host-pick'), hostName, { search: hostName });
      await page.getByRole('button', { name: /关\s*联/ }).click();
      await expect(page.getByText(hostEmail)).toBeVisible();

      const hostPage = await host.newPage();
      await hostPage.goto('/host/events');
      await expect(hostPage.getByRole('heading', { name: '我的接待活动' })).toBeVisible();
      await expect(hostPage.getByRole('link', { name: theme })).toBeVisible();
      await shotBoth(hostPage, '10-host-events');
    } finally {
      await host.close();
    }
  });
});
