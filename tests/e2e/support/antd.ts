import { expect, type Locator, type Page } from '@playwright/test';

/**
 * antd helpers for the journeys. On CI's loaded two-core machine antd's open/close animations run
 * long: a closing dropdown or popconfirm can still lie over the next control, or still match
 * `:visible`. These helpers wait until the UI has settled instead of clicking into an animation.
 */

const OPEN_DROPDOWN = '.ant-select-dropdown:visible';
const OPEN_POPCONFIRM = '.ant-popconfirm:visible';
const OK = /确\s*定|OK/;

/** The antd Select around a locator that may point at its inner input (as getByLabel does). */
const selectRoot = (field: Locator) =>
  field.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );

type PickOptions = {
  /** Typed into the select first (selects that search, e.g. the server's site list). */
  search?: string;
  /** Match the option by its text instead of its title (options whose label is not a string). */
  byText?: boolean;
};

const hasClass = (locator: Locator, name: string) =>
  locator.evaluate((el, c) => el.classList.contains(c), name);

/**
 * Picks `option` in an antd Select, retrying until the select shows it. Never presses Escape
 * (that would close the drawer around the select). Works for single and multiple selects: an
 * option already shown is never clicked again (that would deselect it); a multiple select's
 * dropdown stays open for the caller to close.
 */
export async function pickOption(
  page: Page,
  field: Locator,
  option: string,
  { search, byText }: PickOptions = {},
) {
  const root = selectRoot(field);
  // The dropdown of an earlier select may still be closing over this one.
  await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0);
  await expect(async () => {
    if ((await root.textContent())?.includes(option)) return;
    if (!(await hasClass(root, 'ant-select-open'))) await field.click({ timeout: 3000 });
    if (search) await root.locator('input').fill(search, { timeout: 3000 });
    const dropdown = page.locator(OPEN_DROPDOWN).last();
    const choice = byText
      ? dropdown.getByText(option, { exact: true })
      : dropdown.getByTitle(option, { exact: true });
    await choice.click({ timeout: 3000 });
    await expect(root).toContainText(option, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  if (!(await hasClass(root, 'ant-select-multiple')))
    await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0);
}

/** Presses OK on the open popconfirm and waits until it has gone. */
export async function confirmPopconfirm(page: Page) {
  const popconfirm = page.locator(OPEN_POPCONFIRM);
  await expect(popconfirm).toHaveCount(1);
  await popconfirm.getByRole('button', { name: OK }).click();
  await expect(popconfirm).toHaveCount(0);
}

/**
 * The page may not scroll sideways (wide tables scroll inside their own box). Polled, because
 * antd lays out some components again after its responsive breakpoints have been measured.
 */
export async function expectNoHorizontalOverflow(page: Page, label = '') {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: `horizontal overflow in px ${label}`.trim(),
      timeout: 5000,
    })
    .toBeLessThanOrEqual(1);
}
