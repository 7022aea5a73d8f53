import { installByok } from '@/lib/inpage/install';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  main() {
    installByok(window);
  },
});
