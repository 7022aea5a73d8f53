export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    (window as unknown as { byok: unknown }).byok = { hi: 1 };
  },
});
