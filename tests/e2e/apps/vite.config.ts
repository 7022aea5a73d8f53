/**
 * The pages the e2e tests use to run the official SDKs in Chromium through `byokFetch`
 * (client.spec.ts). `npm run build:test-apps` bundles them into tests/e2e/apps/dist, served by
 * the fixtures' site server under /apps/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Readable bundles (error class names stay) and a faster build.
    minify: false,
    reportCompressedSize: false,
  },
});
