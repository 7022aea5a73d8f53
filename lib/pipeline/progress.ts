/** What a call has streamed so far: what it is charged if cut short, and its ledger checkpoints. */
import type { Usage } from '../protocol/chat';
import { tokensForChars } from '../budget/estimate';
import type { PendingEntry } from '../ledger/ledger';
import type { RecordDeps } from './deps';
import type { RequestTrace } from './trace';

const CHECKPOINT_MS = 2_000;

export class CallProgress {
  // Only its length is kept: the text itself is the adapter's (and the caller's) to keep.
  private streamedChars = 0;
  private reported: Usage | null = null;
  private started = false;
  private lastCheckpoint = Date.now();

  constructor(
    private readonly deps: Pick<RecordDeps, 'ledger'>,
    private readonly entry: PendingEntry,
    private readonly trace: RequestTrace,
    private readonly forward?: (text: string) => void,
  ) {}

  readonly onDelta = (text: string): void => {
    if (!this.started) {
      this.started = true;
      this.trace.mark('firstDelta');
    }
    this.streamedChars += text.length;
    this.forward?.(text);
    if (Date.now() - this.lastCheckpoint > CHECKPOINT_MS) {
      this.lastCheckpoint = Date.now();
      void this.deps.ledger.checkpoint(this.entry.id, this.streamedChars);
    }
  };

  readonly onUsage = (usage: Usage): void => {
    this.reported = usage;
  };

  /** Text or a usage report came: the provider is at work, and the call is never sent again (lib/pipeline/fallback.ts). */
  get streamedAny(): boolean {
    return this.streamedChars > 0 || this.reported !== null;
  }

  /** Whether the request went to the network (as a media adapter reports it). */
  sent = false;

  readonly onSent = (): void => {
    this.sent = true;
  };

  /**
   * What a failed call is charged. Cut short (by the caller, the timeout, or an error after text
   * streamed), the provider bills the input it processed and what streamed: its own figures
   * where it gave them, but never less output than streamed (Anthropic reports output only at
   * the end of a message). An error before any output charges nothing.
   */
  failureCharge(abortedOrTimedOut: boolean): { counted: Usage; billed: Usage | null } {
    if (!abortedOrTimedOut && this.streamedChars === 0) return { counted: { inputTokens: 0, outputTokens: 0 }, billed: null };
    return {
      counted: {
        inputTokens: this.reported?.inputTokens || this.entry.inputEstimate,
        outputTokens: Math.max(this.reported?.outputTokens ?? 0, tokensForChars(this.streamedChars)),
      },
      billed: this.reported,
    };
  }
}
