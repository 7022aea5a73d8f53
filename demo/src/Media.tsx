/**
 * The demo's media step: the last reply read aloud (`speak`) or drawn (`generateImage`). Each
 * asks the wallet for its scope the first time (the approval window opens again, for that scope),
 * so a person who only chats never grants more.
 */
import { useEffect, useState } from 'react';
import type { ByokProvider, Grant, Scope } from '../../client/src/core.js';
import { errorText, usd } from './format';

export interface MediaProps {
  byok: ByokProvider;
  grant: Grant;
  /** The text to read aloud or draw: the last finished reply. */
  text: string;
  /** Called after each request, to show the new spend. */
  onSettled(): Promise<void>;
}

type Made = { kind: 'audio' | 'image'; url: string; note: string };

export function Media({ byok, grant, text, onSettled }: MediaProps) {
  const [made, setMade] = useState<Made | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each object URL lives as long as it is shown.
  useEffect(() => () => void (made && URL.revokeObjectURL(made.url)), [made]);

  async function withScope(scope: Scope, reason: string): Promise<void> {
    if (!grant.scopes.includes(scope)) await byok.connect({ scopes: [...grant.scopes, scope], reason });
  }

  async function run(step: () => Promise<Made>) {
    setBusy(true);
    setError(null);
    try {
      setMade(await step());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      await onSettled();
    }
  }

  const readAloud = () =>
    run(async () => {
      await withScope('speech', 'Demo chat: read replies aloud');
      const r = await byok.speak({ text: text.slice(0, 4000) });
      return { kind: 'audio', url: URL.createObjectURL(r.audio), note: `${r.model}: ${r.usage.characters} characters, ${usd(r.costUsd)}` };
    });
  const draw = () =>
    run(async () => {
      await withScope('images', 'Demo chat: draw a reply');
      const r = await byok.generateImage({ prompt: text.slice(0, 1000), n: 1, size: '1024x1024' });
      return { kind: 'image', url: URL.createObjectURL(r.images[0]!.blob), note: `${r.model}: ${r.usage.images} image, ${usd(r.costUsd)}` };
    });

  return (
    <section className="media" aria-label="Read it aloud or draw it">
      <div className="row">
        <button type="button" onClick={() => void readAloud()} disabled={busy}>
          Read it aloud
        </button>
        <button type="button" onClick={() => void draw()} disabled={busy}>
          Draw it
        </button>
      </div>
      {made?.kind === 'audio' && <audio controls src={made.url} aria-label="The reply, spoken" />}
      {made?.kind === 'image' && <img src={made.url} alt="The reply, drawn" width={256} height={256} />}
      {made && <small className="note">{made.note}</small>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
