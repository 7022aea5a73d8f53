import { startRelay } from '@/lib/relay/relay';

/**
 * The isolated-world content script, declared in wxt.config.ts. An unlisted script rather than a
 * WXT content script: it runs on every page, and WXT's content-script context would bundle the
 * browser polyfill (~10 KB) that a port-only relay does not need.
 */
export default defineUnlistedScript(() => {
  startRelay(window, new AbortController().signal);
});
