// The demo app: plain window.byok, as an app builder would write it.
const $ = (id) => document.getElementById(id);
const status = (text) => ($('status').textContent = text);

function findByok(timeoutMs = 1000) {
  return new Promise((resolve) => {
    if (window.byok) return resolve(window.byok);
    const done = (p) => (clearTimeout(timer), resolve(p));
    window.addEventListener('byok:announceProvider', (e) => done(e.detail.provider), { once: true });
    window.dispatchEvent(new Event('byok:requestProvider'));
    const timer = setTimeout(() => done(null), timeoutMs);
  });
}

async function showGrant(byok) {
  const grant = await byok.getGrant();
  if (!grant) return;
  $('spend').textContent = `Spent $${grant.spentUsd.toFixed(6)} of $${grant.budget.usd} (${grant.budget.period})`;
  const models = await byok.models();
  $('model').replaceChildren(...models.map((m) => new Option(m.label, m.id, m.id === grant.defaultModel, m.id === grant.defaultModel)));
  $('send').disabled = false;
  status(`Connected as ${grant.origin}`);
}

const byok = await findByok();
if (!byok) {
  status('The byok wallet is not installed. Install it to chat with your own keys.');
} else {
  status('Wallet found.');
  $('connect').disabled = false;
  await showGrant(byok);
  byok.on('grantChanged', () => showGrant(byok));
  $('connect').onclick = async () => {
    try {
      await byok.connect({ reason: 'Demo chat', budget: { usd: 1, period: 'day' } });
      await showGrant(byok);
    } catch (e) {
      status(`Not connected: ${e.message} (${e.code})`);
    }
  };
  let controller = null;
  $('send').onclick = async () => {
    controller = new AbortController();
    $('stop').disabled = false;
    $('log').textContent = '';
    $('usage').textContent = '';
    try {
      const result = await byok.chat(
        { messages: [{ role: 'user', content: $('prompt').value }], model: $('model').value || undefined },
        { signal: controller.signal, onDelta: (d) => ($('log').textContent += d) },
      );
      $('usage').textContent = `${result.model}: ${result.usage.inputTokens} in / ${result.usage.outputTokens} out, $${result.costUsd}`;
    } catch (e) {
      status(e.name === 'AbortError' ? 'Stopped.' : `Error ${e.code}: ${e.message}`);
    } finally {
      $('stop').disabled = true;
      await showGrant(byok);
    }
  };
  $('stop').onclick = () => controller?.abort();
}
