import { startWallet } from '@/lib/background/wallet';

export default defineBackground(() => {
  startWallet();
});
