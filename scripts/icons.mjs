/**
 * Renders store/icon.svg to the PNG sizes the manifest declares (toolbar, extensions page,
 * store), in headless Chromium so the pictures are exactly what a browser draws.
 * Run: `node scripts/icons.mjs` after changing the SVG; the PNGs are committed.
 */
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.mjs';

const ICON_SIZES = [16, 32, 48, 128];

const svg = await readFile(new URL('../store/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
