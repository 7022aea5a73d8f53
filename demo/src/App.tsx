/** The demo chat: find the wallet, connect, pick a model, chat with streaming replies. */
import { Chat } from './Chat';
import { spendText } from './format';
import { useWallet } from './useWallet';

export function App() {
  const { wallet, error, connect, disconnect, refresh } = useWallet();
  const grant = wallet.state === 'found' ? wallet.grant : null;
  const status =
    wallet.state === 'looking' ? 'Looking for the byok wallet…' : wallet.state === 'missing' ? 'No wallet found.' : grant ? `Connected as ${grant.origin}` : 'Wallet found.';

  return (
    <main>
      <header>
        <h1>Demo chat</h1>
        <p role="status">{status}</p>
      </header>

      {wallet.state === 'missing' && (
        <section className="card install" aria-labelledby="install">
          <h2 id="install">Install the byok wallet</h2>
          <p>This app chats with your own OpenAI or Anthropic key, kept in the byok browser extension. The app never sees the key; you approve which models it may use and a budget.</p>
          <p>Install the byok extension, add a key in its options, then reload this page.</p>
        </section>
      )}

      {wallet.state === 'found' && !grant && (
        <section className="card" aria-label="Connect">
          <p>Connect your wallet to chat with your own keys. You choose the models and a budget; the key stays in the wallet.</p>
          <button onClick={() => void connect()}>Connect wallet</button>
        </section>
      )}

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {wallet.state === 'found' && grant && (
        <>
          <section className="bar" aria-label="Wallet">
            <span id="spend">{spendText(grant)}</span>
            <button className="link" onClick={() => void disconnect()}>
              Disconnect
            </button>
          </section>
          <Chat byok={wallet.byok} grant={grant} models={wallet.models} defaultModel={grant.defaultModel} onSettled={refresh} />
        </>
      )}
    </main>
  );
}
