/** The conversation: a model picker, streamed replies with a Stop button, and each reply's usage. */
import { useRef, useState, type FormEvent } from 'react';
import { isAbortError, type ByokProvider, type ChatMessage, type Grant, type ModelInfo } from '../../client/src/core.js';
import { errorText, usd } from './format';
import { Media } from './Media';

interface Turn {
  role: 'user' | 'assistant';
  text: string;
  /** Under a reply: its usage, "Stopped." or an error. */
  note?: string;
  /** A finished reply: it and its question go back to the model as history. */
  done?: boolean;
}

export interface ChatProps {
  byok: ByokProvider;
  grant: Grant;
  models: ModelInfo[];
  defaultModel?: string | undefined;
  /** Called after each request, to show the new spend. */
  onSettled(): Promise<void>;
}

export function Chat({ byok, grant, models, defaultModel, onSettled }: ChatProps) {
  const [picked, setModel] = useState(defaultModel ?? '');
  // What was picked while the site may still use it, else the site's default, else the first.
  const model = [picked, defaultModel].find((id) => id && models.some((m) => m.id === id)) ?? models[0]?.id ?? '';
  const [input, setInput] = useState('Say hello');
  const [turns, setTurns] = useState<Turn[]>([]);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const lastReply = turns.findLast((t) => t.role === 'assistant' && t.done)?.text ?? '';

  const updateReply = (patch: Partial<Turn>) => setTurns((ts) => [...ts.slice(0, -1), { ...ts.at(-1)!, ...patch }]);

  async function send(e: FormEvent) {
    e.preventDefault();
    const prompt = input.trim();
    if (!prompt || busy) return;
    const answered = turns.flatMap((t, i) => (t.role === 'assistant' && t.done ? [turns[i - 1]!, t] : []));
    const history: ChatMessage[] = [...answered.map((t) => ({ role: t.role, content: t.text })), { role: 'user', content: prompt }];
    setTurns((ts) => [...ts, { role: 'user', text: prompt }, { role: 'assistant', text: '' }]);
    setInput('');
    const ac = (controller.current = new AbortController());
    setBusy(true);
    let text = '';
    try {
      const r = await byok.chat(
        { messages: history, maxTokens: 500, ...(model ? { model } : {}) },
        { signal: ac.signal, onDelta: (d) => updateReply({ text: (text += d) }) },
      );
      updateReply({ text: r.text, done: true, note: `${r.model}: ${r.usage.inputTokens} in / ${r.usage.outputTokens} out, ${usd(r.costUsd)}` });
    } catch (err) {
      updateReply({ note: isAbortError(err) ? 'Stopped.' : errorText(err) });
    } finally {
      controller.current = null;
      setBusy(false);
      await onSettled();
    }
  }

  return (
    <section className="chat" aria-label="Chat">
      <label className="model">
        Model
        <select value={model} onChange={(e) => setModel(e.target.value)} disabled={busy}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>

      <ol className="log" aria-label="Conversation" aria-live="polite">
        {turns.map((t, i) => (
          <li key={i} className={t.role}>
            <span className="who">{t.role === 'user' ? 'You' : 'Assistant'}</span>
            <p>{t.text || (busy && i === turns.length - 1 ? '…' : '')}</p>
            {t.note && <small className={t.note.startsWith('Error') ? 'error' : 'note'}>{t.note}</small>}
          </li>
        ))}
      </ol>

      {lastReply && !busy && <Media byok={byok} grant={grant} text={lastReply} onSettled={onSettled} />}

      <form onSubmit={(e) => void send(e)}>
        <label htmlFor="message" className="sr-only">
          Message
        </label>
        <input id="message" value={input} onChange={(e) => setInput(e.target.value)} placeholder="Ask something" autoComplete="off" />
        <button type="submit" disabled={busy || !input.trim()}>
          Send
        </button>
        <button type="button" onClick={() => controller.current?.abort()} disabled={!busy}>
          Stop
        </button>
      </form>
    </section>
  );
}
