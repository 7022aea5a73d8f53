/**
 * axe-core on the wallet's pages, in the light and the dark color scheme: collects every serious
 * or critical violation (its id, the elements and axe's summary) so one run reports them all.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

export class AxeReport {
  readonly problems: string[] = [];
  readonly checked: string[] = [];

  /** Runs axe on `page` (as it is now) in both schemes, noting what fails under `surface`. */
  async check(page: Page, surface: string): Promise<void> {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The page repaints for the scheme before axe reads the colors.
      await page.waitForFunction((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme);
      const results = await new AxeBuilder({ page }).analyze();
      this.checked.push(`${surface} (${colorScheme})`);
      for (const v of results.violations) {
        if (!BLOCKING.has(v.impact ?? '')) continue;
        for (const node of v.nodes) {
          this.problems.push(`${surface} (${colorScheme}): ${v.id} [${v.impact}] at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`);
        }
      }
    }
    await page.emulateMedia({ colorScheme: null });
  }

  /** What failed, for the assertion's message. */
  summary(): string {
    return `${this.problems.length} serious or critical axe violation(s):\n${this.problems.join('\n')}`;
  }
}

export interface SmallText {
  tag: string;
  text: string;
  px: number;
}

/**
 * The body's computed font size, and the visible paragraphs, labels, list items and table cells
 * that compute smaller than `min` px.
 */
export function textSizes(page: Page, min = 14): Promise<{ body: number; sampled: number; small: SmallText[] }> {
  return page.evaluate((min) => {
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && (el.textContent ?? '').trim() !== '';
    const sample = [...document.querySelectorAll('p, label, td, th, li, button, input, select, h1, h2, h3, h4')].filter(visible);
    const small = sample.filter((el) => px(el) < min).map((el) => ({ tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim().slice(0, 60), px: px(el) }));
    return { body: px(document.body), sampled: sample.length, small };
  }, min);
}
