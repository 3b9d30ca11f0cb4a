import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import type { Scorecard, WebManifest } from '../../src/contract/observations.js';
import { API, apiClient, publishedEventWithAttendees } from './support/api.js';

/**
 * The scorecard as an installed app, following the group: on a phone (a real, non-incognito
 * Chromium profile, so installability is judged as on a device) the observe page links its pass's
 * manifest, which Chromium fetches and parses without errors, and the service worker's scope
 * covers the manifest's start_url. The route tab opens on the stop where the guide reported the
 * attendee's group and moves when a new report arrives (staff through the API, then a host from the
 * run-of-show console reached from /host/events), without reloading the page.
 * It makes its own contexts, so it runs once, in the desktop project.
 */
const SCREENS = 'test-results/screens';
const PHONE = { width: 390, height: 844 };
const LOCALE = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

async function shot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/observe-install-${name}.png`, fullPage: true });
}

test('installable scorecard that opens on the stop where the group is; a host reports from the console', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'makes its own phone and host contexts');
  const base = baseURL!;
  const run = Date.now() % 100_000_000;
  // A published event with the default route, one attendee, one group with the attendee in it.
  const published = await publishedEventWithAttendees(base, {
    run: String(run),
    theme: `观摩安装演练${run}`,
    names: [`郑安装${run}`],
    units: ['万科物业发展股份有限公司'],
  });
  const admin = await apiClient(base, published.storage);
  const event = { id: published.eventId };
  const site = { id: published.siteId };
  const { theme, eventSiteId } = published;
  const { passToken } = published.attendees[0];
  const visitor = await apiClient(base);
  const card = await visitor.call<Scorecard>('get', `/passes/${passToken}/scorecard`);
  await visitor.ctx.dispose();
  const overview = await admin.call<{ groups: { id: string; name: string }[] }>(
    'post',
    `/events/${event.id}/groups`,
    { eventSiteId, name: '第1组' },
  );
  const groupId = overview.groups[0].id;
  await admin.call('post', `/events/${event.id}/groups/move`, {
    registrationIds: [card.registration.id],
    groupId,
  });
  const stops = card.stops;
  expect(stops.length).toBeGreaterThanOrEqual(5);

  // The phone: a persistent (non-incognito) profile, as installability is judged on a device.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'guanmo-e2e-phone-'));
  const phone = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: base,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    ...LOCALE,
  });
  try {
    const page = phone.pages()[0] ?? (await phone.newPage());
    await page.goto(`/p/${passToken}/observe`);
    await expect(page.getByTestId('observe')).toBeVisible();

    await test.step('Chromium fetches and parses the pass manifest without errors', async () => {
      await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
        'href',
        `${API}/passes/${passToken}/manifest`,
      );
      const cdp = await phone.newCDPSession(page);
      let result = await cdp.send('Page.getAppManifest');
      await expect
        .poll(async () => {
          result = await cdp.send('Page.getAppManifest');
          return result.data?.length ?? 0;
        })
        .toBeGreaterThan(0);
      expect(result.url).toBe(`${base}${API}/passes/${passToken}/manifest`);
      expect(result.errors).toEqual([]);
      const manifest = JSON.parse(result.data!) as WebManifest;
      expect(manifest.start_url).toBe(`/p/${passToken}/observe`);
      expect(manifest.name).toBe(`${theme} · 观察记录`);
      // The service worker's scope covers start_url (so the installed app starts offline).
      const startUrl = new URL(manifest.start_url, base).href;
      const scope = await page.evaluate(async (url) => {
        await navigator.serviceWorker.ready;
        return (await navigator.serviceWorker.getRegistration(url))?.scope ?? null;
      }, startUrl);
      expect(scope).toBe(`${base}/p/`);
      expect(startUrl.startsWith(scope!)).toBe(true);
      const icons = await Promise.all(
        manifest.icons.map(async (icon) => (await page.request.get(icon.src)).headers()['content-type']),
      );
      expect(icons).toEqual(['image/png', 'image/png', 'image/png']);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      testInfo.annotations.push({
        type: 'installability',
        description: JSON.stringify(installabilityErrors),
      });
      expect(installabilityErrors).toEqual([]);
    });

    const firstStop = page.getByTestId('stop').first();
    await test.step('without a report, the first stop still to score comes first', async () => {
      await expect(firstStop).toHaveAttribute('data-current', 'first');
      await expect(firstStop).toContainText(stops[0].name);
    });

    await test.step('staff report the group at stop 4: the open page moves it first, no reload', async () => {
      await admin.call('post', `/events/${event.id}/run-of-show/groups/${groupId}/position`, {
        routeStopId: stops[3].id,
      });
      await expect(firstStop).toHaveAttribute('data-current', 'reported');
      await expect(firstStop).toContainText(stops[3].name);
      await expect(firstStop).toContainText('第1组在这里');
      await expect(firstStop.locator('.stop-head')).toHaveAttribute('aria-expanded', 'true');
      await shot(page, '01-phone-group-here');
    });

    await test.step('a host of the site opens the console from /host/events and reports stop 5', async () => {
      const hostEmail = `host-install-${run}@e2e.guanmo.test`;
      const hostName = `钱接待${run}`;
      const invite = await admin.call<{ token: string }>('post', '/invites', {
        role: 'host',
        name: hostName,
        email: hostEmail,
      });
      const host = await browser.newContext({
        baseURL: base,
        viewport: { width: 1280, height: 800 },
        ...LOCALE,
      });
      try {
        await host.request.get(`${API}/auth/csrf`);
        const csrf = (await host.storageState()).cookies.find((c) => c.name === 'guanmo_csrf')?.value ?? '';
        const accepted = await host.request.post(`${API}/invites/by-token/${invite.token}/accept`, {
          data: { name: hostName, email: hostEmail, password: 'e2e-host-password-1' },
          headers: { 'x-csrf-token': csrf },
        });
        expect(accepted.status()).toBe(201);
        const me = (await accepted.json()) as { id: string };
        await admin.call('post', `/sites/${site.id}/hosts`, { userId: me.id });

        const hostPage = await host.newPage();
        await hostPage.goto('/host/events');
        await hostPage
          .getByRole('listitem')
          .filter({ hasText: theme })
          .getByTestId('host-run-of-show')
          .click();
        await expect(hostPage).toHaveURL(new RegExp(`/events/${event.id}/run-of-show$`));
        await expect(hostPage.getByTestId('run-of-show')).toContainText(theme);
        await expect(hostPage.getByText('议程的实际时间由协会工作人员标记')).toBeVisible();
        // Agenda times stay with staff: no start/end buttons for a host.
        await expect(hostPage.getByRole('button', { name: /^开\s*始$/ })).toHaveCount(0);
        const group = hostPage.getByTestId('ros-group').filter({ hasText: '第1组' });
        await expect(group).toContainText(stops[3].name);
        await group.locator('.ant-select').click();
        await hostPage
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: `${stops[4].position + 1}. ${stops[4].name}` })
          .click();
        await expect(group).toContainText(stops[4].name);
        await hostPage.evaluate(() => window.scrollTo(0, 0));
        await shot(hostPage, '02-host-console');
        // Hosts are on their phones on the day, too.
        await hostPage.setViewportSize(PHONE);
        await hostPage.evaluate(() => window.scrollTo(0, 0));
        await shot(hostPage, '02-host-console-phone');
      } finally {
        await host.close();
      }
      await expect(firstStop).toContainText(stops[4].name);
      await expect(firstStop).toHaveAttribute('data-current', 'reported');
      await shot(page, '03-phone-followed-host');
    });

    await test.step('the pass page links the same manifest (install from the pass)', async () => {
      await page.goto(`/p/${passToken}`);
      await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
        'href',
        `${API}/passes/${passToken}/manifest`,
      );
    });
  } finally {
    await phone.close();
    rmSync(profile, { recursive: true, force: true });
    await admin.ctx.dispose();
  }
});
