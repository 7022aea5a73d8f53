/**
 * Chromium with the wallet's profile and no observer on its pages. Playwright enables the
 * DevTools network domain on every page it drives, and then each request and each chunk of a
 * stream is reported over the protocol. That slows the page's own `fetch` (the direct side of
 * every comparison) and not the wallet's, which runs in its worker. Here the bench speaks the
 * DevTools protocol itself and uses only `Runtime.evaluate`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser.mjs';
import { PASSPHRASE, unlockWallet } from './setup.mjs';

/** Launches Chromium on `profile` (a wallet set up by Playwright and closed), with the build at `extension`. */
export async function launchPlainBrowser(profile, extension) {
  const child = spawn(
    CHROMIUM_PATH,
    ['--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_ARGS, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`chromium exited (${code}) before it listened: ${seen.slice(-500)}`)));
  });
  const socket = new WebSocket(endpoint, { perMessageDeflate: false });
  await once(socket, 'open');
  const protocol = devtools(socket);
  /** The extension's worker target, if it is running. */
  const workerTarget = async () => {
    const { targetInfos } = await protocol.send('Target.getTargets');
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  };

  return {
    pid: child.pid,
    /** Opens `url` in a new tab; resolves with an `evaluate(fn, arg)` for it and its `close`. */
    async open(url) {
      const { targetId } = await protocol.send('Target.createTarget', { url });
      const { sessionId } = await protocol.send('Target.attachToTarget', { targetId, flatten: true });
      return {
        evaluate: (fn, arg) => evaluateIn(protocol, sessionId, fn, arg),
        close: () => protocol.send('Target.closeTarget', { targetId }),
      };
    },
    /**
     * The extension's worker, attached for `evaluate` only (nothing observed): attach after a
     * measurement, and `detach` before the next.
     */
    async worker() {
      const target = await workerTarget();
      if (!target) throw new Error('the extension has no worker running');
      const { sessionId } = await protocol.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
      return {
        evaluate: (fn, arg) => evaluateIn(protocol, sessionId, fn, arg),
        detach: () => protocol.send('Target.detachFromTarget', { sessionId }),
      };
    },
    /** The extension's id, once its worker has started. */
    async extensionId() {
      for (let tries = 0; tries < 300; tries++) {
        const worker = await workerTarget();
        if (worker) return new URL(worker.url).host;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the extension did not start');
    },
    async close() {
      socket.close();
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/** `fn(arg)` in the page, awaited; its value comes back as JSON. */
async function evaluateIn(protocol, sessionId, fn, arg) {
  const expression = `(${fn.toString()})(${JSON.stringify(arg ?? null)})`;
  const { result, exceptionDetails } = await protocol.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

function devtools(socket) {
  let next = 1;
  const waiting = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const call = waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id);
    if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
    else call.resolve(message.result);
  });
  return {
    send(method, params = {}, sessionId) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { method, resolve, reject });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    },
  };
}

/** Polls `check` every 50 ms until it holds; throws after `timeoutMs`. */
export async function until(check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * In `plain` (a wallet's profile, started again, so locked): unlocks the wallet from its own page,
 * closes that page (no wallet page left open: the comparisons measure a browsing person), and
 * opens the bench page at `siteUrl` once `window.byok` is there.
 */
export async function unlockedBenchPage(plain, siteUrl) {
  const walletPage = await plain.open(`chrome-extension://${await plain.extensionId()}/options.html`);
  await until(() => walletPage.evaluate(() => document.readyState === 'complete' && typeof chrome.runtime?.sendMessage === 'function'));
  await walletPage.evaluate(unlockWallet, PASSPHRASE);
  await walletPage.close();
  const page = await plain.open(`${siteUrl}/index.html`);
  await until(() => page.evaluate(() => typeof window.byok === 'object'));
  return page;
}
