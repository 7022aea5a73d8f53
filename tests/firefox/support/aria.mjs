// @ts-check
/**
 * Finding things by their accessible names (docs/API.md, "For testers"), in Firefox's own accessibility tree
 * (BiDi `locateNodes` with an accessibility locator, which puppeteer's `::-p-aria()` uses).
 *
 * Firefox differs from Chromium here: a password input has no ARIA role (Chromium says
 * `textbox`), and a `<label>` carries the same name as its control. So a form control is looked
 * up by name and then kept only if it is an input, select or textarea.
 */
import { waitUntil } from './wait.mjs';

/** @typedef {import('puppeteer-core').Page | import('puppeteer-core').ElementHandle<Element>} Scope */

/** @param {string} name */
const quoted = (name) => JSON.stringify(name);

/**
 * The element with `role` and accessible `name` inside `scope`, waiting for it to appear.
 * @param {Scope} scope
 * @param {string} role
 * @param {string} name
 * @returns {Promise<import('puppeteer-core').ElementHandle<Element>>}
 */
export async function byRole(scope, role, name) {
  const handle = await scope.waitForSelector(`::-p-aria([name=${quoted(name)}][role=${quoted(role)}])`);
  if (!handle) throw new Error(`no ${role} named ${name}`);
  return handle;
}

/**
 * @param {Scope} scope
 * @param {string} name
 */
export const button = (scope, name) => byRole(scope, 'button', name);

/**
 * The form control (input, select, textarea) whose accessible name is `name`: what a person
 * finds by its label. Waits for it to appear.
 * @param {Scope} scope
 * @param {string} name
 * @returns {Promise<import('puppeteer-core').ElementHandle<Element>>}
 */
export function control(scope, name) {
  return waitUntil(
    async () => {
      for (const handle of await scope.$$(`::-p-aria(${quoted(name)})`)) {
        if (await handle.evaluate((el) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName))) return handle;
      }
      return null;
    },
    { what: `a form control labelled ${quoted(name)}` },
  );
}

/**
 * Replaces the control's value by typing, as a person would.
 * @param {import('puppeteer-core').Page} page
 * @param {Scope} scope
 * @param {string} name
 * @param {string} value
 */
export async function fill(page, scope, name, value) {
  const input = await control(scope, name);
  await input.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await input.type(value);
  const now = await input.evaluate((el) => /** @type {HTMLInputElement} */ (el).value);
  if (now !== value) throw new Error(`${name}: typed ${quoted(value)} but the field holds ${quoted(now)}`);
}

/**
 * Picks the option whose visible label is `label` in the select named `name`.
 * @param {Scope} scope
 * @param {string} name
 * @param {string} label
 */
export async function selectOption(scope, name, label) {
  const select = await control(scope, name);
  const value = await select.evaluate(
    (el, label) => [.../** @type {HTMLSelectElement} */ (el).options].find((o) => o.label === label || o.text === label)?.value,
    label,
  );
  if (value === undefined) throw new Error(`${name} has no option ${quoted(label)}`);
  await select.select(value);
}

/**
 * The control's current value.
 * @param {Scope} scope
 * @param {string} name
 */
export async function valueOf(scope, name) {
  const input = await control(scope, name);
  return input.evaluate((el) => /** @type {HTMLInputElement} */ (el).value);
}

/**
 * Resolves once nothing with `role` and `name` is left in `scope`.
 * @param {Scope} scope
 * @param {string} role
 * @param {string} name
 */
export function gone(scope, role, name) {
  return waitUntil(async () => (await scope.$$(`::-p-aria([name=${quoted(name)}][role=${quoted(role)}])`)).length === 0, { what: `the ${role} ${quoted(name)} to go away` });
}
