import { startBridge } from '@/lib/lane/bridge';

startBridge(window, async (handOver, port) => {
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(handOver, [port]);
});
