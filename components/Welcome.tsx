import type { VaultStatusView } from '@/lib/ui/types';

const STEPS = [
  'Create your wallet, locked by a passphrase only you know.',
  'Add an API key (OpenAI, Anthropic or any OpenAI-compatible provider).',
  'Open an AI app: when it asks to connect, you choose its models and budget. It never sees your key.',
];

/**
 * First run: what byok is, and the three steps from an empty wallet to a connected site. Shown
 * until the wallet has a key; a site that asked meanwhile is named, and goes on by itself.
 */
export function Welcome({ status }: { status: VaultStatusView }) {
  if (status.exists && (!status.unlocked || status.keys > 0)) return null;
  const step = status.exists ? 2 : 1;
  return (
    <section className="card" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to byok</h2>
      <p>byok keeps your AI keys in your browser and lets the apps you choose use them, within a budget you set.</p>
      <ol className="steps">
        {STEPS.map((text, i) => (
          <li key={text} className={i + 1 < step ? 'done' : undefined} aria-current={i + 1 === step ? 'step' : undefined}>
            {text}
          </li>
        ))}
      </ol>
      {status.waitingSites.length ? (
        <p className="warn" role="status">
          {status.waitingSites.map((origin) => (
            <span key={origin} className="origin">
              {origin}{' '}
            </span>
          ))}
          {status.waitingSites.length === 1 ? 'is' : 'are'} waiting to connect: you will be asked to approve once you have added a key.
        </p>
      ) : null}
    </section>
  );
}
