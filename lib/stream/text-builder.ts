/**
 * A text built from many small pieces: a stream's tokens. `text += piece` keeps every piece, and a
 * rope node for it, alive until the text is read; a 5,000-chunk stream made 5,000 of each in three
 * places in the worker (the adapter's text, and the batcher's unsent and sent text). Here the
 * pieces are joined into one flat string a block at a time, and the pieces die young.
 */
const BLOCK = 64;

export class TextBuilder {
  #text = '';
  #pieces: string[] = [];
  #length = 0;

  append(piece: string): void {
    if (!piece) return;
    this.#pieces.push(piece);
    this.#length += piece.length;
    if (this.#pieces.length === BLOCK) this.#join();
  }

  get length(): number {
    return this.#length;
  }

  toString(): string {
    this.#join();
    return this.#text;
  }

  /** What it holds, leaving it empty. */
  take(): string {
    const text = this.toString();
    this.#text = '';
    this.#length = 0;
    return text;
  }

  #join(): void {
    if (this.#pieces.length === 0) return;
    this.#text += this.#pieces.join('');
    this.#pieces.length = 0;
  }
}
