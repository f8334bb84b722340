/**
 * The language switch over the real station: on every screen, every visible label that is
 * English before the switch is Chinese after it — text, placeholders, accessible names,
 * options — and the choice is saved.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { SCREEN_KEYS, openScreen, resultCard, scan } from './station-page';

type Dictionary = Record<string, string>;

const readDictionary = (name: string): Dictionary =>
  JSON.parse(fs.readFileSync(`src/renderer/i18n/${name}.json`, 'utf8')) as Dictionary;
const en = readDictionary('en');
const zhCN = readDictionary('zh-CN');

/** Each message as a whole-string pattern, its `{placeholders}` matching any text. */
function patterns(dictionary: Dictionary, other: Dictionary): RegExp[] {
  return Object.entries(dictionary)
    .filter(([key, text]) => other[key] !== text) // names kept as they are ("SKU", "中文")
    .map(([, text]) => {
      const parts = text
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`^${parts.join('.+')}$`, 's');
    });
}

// Runs in the page: every visible text node, placeholder, aria-label, title and option.
const VISIBLE_TEXTS = `(() => {
  const out = [];
  const visible = (el) => el && el.checkVisibility({ visibilityProperty: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (text && visible(walker.currentNode.parentElement)) out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
    if (!visible(el)) continue;
    for (const name of ['placeholder', 'aria-label', 'title']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push(value.trim());
    }
  }
  for (const option of document.querySelectorAll('option')) {
    if (visible(option.closest('select'))) out.push(option.textContent.trim());
  }
  return out;
})()`;

/** Visible texts that are messages of `dictionary` and not of `other` ("Label {number}"
 * would otherwise also match the Chinese app name "Label Station 标签工作站"). */
async function labelsIn(page: Page, dictionary: RegExp[], other: RegExp[]): Promise<string[]> {
  const texts = (await page.evaluate(VISIBLE_TEXTS)) as string[];
  const matches = (patterns: RegExp[], text: string) =>
    patterns.some((pattern) => pattern.test(text));
  return texts.filter((text) => matches(dictionary, text) && !matches(other, text));
}

const english = patterns(en, zhCN);
const chinese = patterns(zhCN, en);

test('the language switch changes every visible label, on every screen', async ({ app, page }) => {
  await scan(page, app.sandbox.sample().trackingNumbers[0] ?? '');
  // Let the print finish first, so both passes see the same states, only in two languages.
  await expect(resultCard(page)).toHaveAttribute('data-job-state', 'done', { timeout: 60_000 });

  const seen = new Map<string, string[]>();
  for (const screen of Object.keys(SCREEN_KEYS) as Array<keyof typeof SCREEN_KEYS>) {
    await openScreen(page, screen);
    // Its lists (jobs, printers, stock) arrive after it opens.
    await app.settled();
    seen.set(screen, await labelsIn(page, english, chinese));
    expect(seen.get(screen)?.length, screen).toBeGreaterThan(8);
  }

  await page.getByRole('button', { name: 'Switch language to 中文' }).click();
  await expect(page.getByRole('navigation', { name: '功能页面' })).toBeVisible();
  expect(app.station.getSettings().language).toBe('zh-CN');

  for (const screen of Object.keys(SCREEN_KEYS) as Array<keyof typeof SCREEN_KEYS>) {
    await openScreen(page, screen);
    await expect
      .poll(async () => (await labelsIn(page, chinese, english)).length, {
        message: `labels on ${screen}`,
      })
      .toBe(seen.get(screen)?.length);
    const stillEnglish = await labelsIn(page, english, chinese);
    expect(stillEnglish, `English left on ${screen}`).toEqual([]);
    await app.screenshot(`zh-${screen}`);
  }

  await page.getByRole('button', { name: '切换语言为 English' }).click();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});
