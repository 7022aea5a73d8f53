/**
 * The bench's A/B builds (docs/PERFORMANCE.md, "Mechanisms that must pay for themselves"): each
 * is the diagnostics build with one mechanism swapped, at build time, for the path it stands
 * beside, so `npm run bench` can measure the product with and without it in the same run. The
 * swap is a module resolution in that mode only (`wxt build --mode <mode>`, into
 * `.output/chrome-mv3-<mode>`): no product file holds a second path, and the build that ships
 * resolves as before (wxt.config.ts adds no plugin in its modes).
 */
import { resolve } from 'node:path';

/** mode → the mechanism it removes, and in which importer which import is resolved to a stand-in (scripts/bench/ab/). */
export const AB_BUILDS = {
  'ab-port-only': {
    mechanism: 'the lane (chat over the runtime port only)',
    swaps: [{ importer: 'lib/relay/relay.ts', source: '../lane/open-lane', to: 'scripts/bench/ab/no-lane.ts' }],
  },
  'ab-dexie-ledger': {
    mechanism: 'raw IndexedDB for the pending write and the settlement (Dexie instead)',
    swaps: [
      { importer: 'lib/ledger/ledger.ts', source: '../db/idb', to: 'scripts/bench/ab/dexie-ledger.ts' },
      { importer: 'lib/ledger/ledger.ts', source: './settle', to: 'scripts/bench/ab/dexie-ledger.ts' },
    ],
  },
};

/** Whether `mode` is one of the A/B builds (which, like the diagnostics build, expose the worker's timings). */
export function isAbMode(mode) {
  return Object.hasOwn(AB_BUILDS, mode);
}

/**
 * The Vite plugins of `mode`: none but in an A/B build, where one resolves its swaps and fails the
 * build if one of them found no such import (a renamed file must not leave the A/B measuring the
 * product against itself).
 */
export function abPlugins(mode) {
  if (!isAbMode(mode)) return [];
  const swaps = AB_BUILDS[mode].swaps.map((swap) => ({ ...swap, importer: resolve(swap.importer), to: resolve(swap.to) }));
  const used = new Set();
  return [
    {
      name: `byok-bench-${mode}`,
      enforce: 'pre',
      resolveId(source, importer) {
        const swap = swaps.find((s) => s.source === source && s.importer === importer);
        if (!swap) return null;
        used.add(swap);
        return swap.to;
      },
      buildEnd(error) {
        // Each entrypoint is its own Vite build: only the ones that bundle the importer must use its swap.
        const missing = swaps.filter((s) => !used.has(s) && this.getModuleIds && [...this.getModuleIds()].includes(s.importer));
        if (!error && missing.length) this.error(`${mode}: no import of ${missing.map((s) => `${s.source} in ${s.importer}`).join(', ')}`);
      },
    },
  ];
}
