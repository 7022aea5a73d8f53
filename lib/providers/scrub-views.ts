/**
 * Decoded readings ("views") of a text, for the scrubber: each view is a byte string (one char
 * per byte, 0–255) where every byte remembers the [start, end) span of the original text it came
 * from, so a secret found in a decoded form can be cut out of the original.
 *
 * A view undoes the encodings a server may wrap an echoed key in: percent-encoding, HTML entities
 * (named, decimal, hex), `\uXXXX` / `\u{…}` / `\UXXXXXXXX` / `\xXX` and JSON escapes, line breaks
 * and spaces between characters; base64, base64url and hex runs get views of their own. Every
 * pass is linear in the text.
 */

export interface View {
  /** The decoded bytes, one char each (0–255). */
  bytes: string;
  /** For byte `i`: the original text's span `[start[i], end[i])` it was decoded from. */
  start: number[];
  end: number[];
}

/** Named entities that can stand for a character of a key (letters and digits have none). */
const ENTITIES: Readonly<Record<string, number>> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, nbsp: 160, sol: 47, bsol: 92, percnt: 37, equals: 61,
  plus: 43, colon: 58, semi: 59, lowbar: 95, underbar: 95, hyphen: 45, dash: 8208, minus: 8722,
  period: 46, comma: 44, num: 35, dollar: 36, excl: 33, quest: 63, ast: 42, midast: 42, lpar: 40,
  rpar: 41, lsqb: 91, rsqb: 93, lbrack: 91, rbrack: 93, lcub: 123, rcub: 125, lbrace: 123,
  rbrace: 125, commat: 64, verbar: 124, vert: 124, grave: 96, hat: 94, tilde: 126, newline: 10,
  tab: 9, shy: 173, zwsp: 8203,
};

/** Characters a server may put between the characters of a key: whitespace, zero-width, soft hyphen. */
function isFiller(cp: number): boolean {
  return cp === 32 || (cp >= 9 && cp <= 13) || cp === 0xa0 || cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff;
}

class ViewBuilder {
  readonly view: View = { bytes: '', start: [], end: [] };
  readonly #chars: string[] = [];
  constructor(private readonly dropFillers: boolean) {}

  byte(b: number, start: number, end: number): void {
    this.#chars.push(String.fromCharCode(b));
    this.view.start.push(start);
    this.view.end.push(end);
  }

  /** The UTF-8 bytes of code point `cp`, all from [start, end); fillers vanish when asked. */
  codePoint(cp: number, start: number, end: number): void {
    if (this.dropFillers && isFiller(cp)) return;
    if (cp < 0x80) return this.byte(cp, start, end);
    for (const b of new TextEncoder().encode(String.fromCodePoint(cp))) this.byte(b, start, end);
  }

  done(): View {
    this.view.bytes = this.#chars.join('');
    return this.view;
  }
}

/** The text as UTF-8 bytes, nothing decoded (fillers dropped when asked). */
export function rawView(text: string, dropFillers: boolean): View {
  const out = new ViewBuilder(dropFillers);
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    // A lone surrogate cannot be UTF-8: it stands for itself as U+FFFD.
    out.codePoint(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, i, i + width);
    i += width;
  }
  return out.done();
}

const HEX = /^[0-9a-f]+$/i;
const NUMERIC_ENTITY = /&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));?/y;
const NAMED_ENTITY = /&([A-Za-z]{2,10});/y;
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, b: 8, f: 12, v: 11, '/': 47, '\\': 92, '"': 34, "'": 39, '`': 96 };

function hexAt(s: string, at: number, digits: number): number | undefined {
  const part = s.slice(at, at + digits);
  return part.length === digits && HEX.test(part) ? parseInt(part, 16) : undefined;
}

/** One backslash escape at `i`: [code point or byte, length, is a raw byte], or undefined. */
function escapeAt(s: string, i: number): [number, number, boolean] | undefined {
  const kind = s[i + 1] ?? '';
  if (kind === 'x') {
    const b = hexAt(s, i + 2, 2);
    return b === undefined ? undefined : [b, 4, true];
  }
  if (kind === 'U') {
    const cp = hexAt(s, i + 2, 8);
    return cp === undefined || cp > 0x10ffff ? undefined : [cp, 10, false];
  }
  if (kind === 'u' && s[i + 2] === '{') {
    const close = s.indexOf('}', i + 3);
    const cp = close > i + 3 && close <= i + 9 ? hexAt(s, i + 3, close - i - 3) : undefined;
    return cp === undefined || cp > 0x10ffff ? undefined : [cp, close - i + 1, false];
  }
  if (kind === 'u') {
    const unit = hexAt(s, i + 2, 4);
    if (unit === undefined) return undefined;
    if (unit >= 0xd800 && unit <= 0xdbff && s[i + 6] === '\\' && s[i + 7] === 'u') {
      const low = hexAt(s, i + 8, 4);
      if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) return [0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00), 12, false];
    }
    return [unit >= 0xd800 && unit <= 0xdfff ? 0xfffd : unit, 6, false];
  }
  const simple = SIMPLE_ESCAPES[kind];
  return simple === undefined ? undefined : [simple, 2, false];
}

/** An entity at `i`: [code point, length], or undefined. */
function entityAt(s: string, i: number): [number, number] | undefined {
  NUMERIC_ENTITY.lastIndex = i;
  const numeric = NUMERIC_ENTITY.exec(s);
  if (numeric) {
    const cp = numeric[1] !== undefined ? parseInt(numeric[1], 10) : parseInt(numeric[2] ?? '', 16);
    return cp > 0x10ffff ? undefined : [cp, numeric[0].length];
  }
  NAMED_ENTITY.lastIndex = i;
  const named = NAMED_ENTITY.exec(s);
  const cp = named ? ENTITIES[(named[1] ?? '').toLowerCase()] : undefined;
  return named && cp !== undefined ? [cp, named[0].length] : undefined;
}

/** `view` with one layer of percent, entity and escape encoding undone (fillers dropped when asked). */
export function decodeView(view: View, dropFillers: boolean): View {
  const s = view.bytes;
  const out = new ViewBuilder(dropFillers);
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    // [value, length, value is a byte (not a code point)]
    let decoded: [number, number, boolean] | undefined;
    if (c === '%') {
      const b = hexAt(s, i + 1, 2);
      if (b !== undefined) decoded = [b, 3, true];
    } else if (c === '&') {
      const entity = entityAt(s, i);
      if (entity) decoded = [entity[0], entity[1], false];
    } else if (c === '\\') {
      decoded = escapeAt(s, i);
    }
    const [value, length, isByte] = decoded ?? [s.charCodeAt(i), 1, true];
    const start = view.start[i] ?? 0;
    const end = view.end[i + length - 1] ?? start;
    // A byte above 0x7f is part of a UTF-8 sequence, never a filler on its own.
    if (!isByte) out.codePoint(value, start, end);
    else if (!(dropFillers && value < 0x80 && isFiller(value))) out.byte(value, start, end);
    i += length;
  }
  return out.done();
}

/**
 * The text raw, then decoded layer after layer (a key may be escaped twice), at most `depth`
 * times or until nothing changes. Every layer counts: a later layer may decode too much (the
 * `%aa` in `%%61%61%61` is a byte too), so none of them alone is the truth.
 */
export function decodedLayers(text: string, dropFillers: boolean, depth = 3): View[] {
  const layers = [rawView(text, dropFillers)];
  for (let n = 0; n < depth; n += 1) {
    const last = layers[layers.length - 1]!;
    const next = decodeView(last, dropFillers);
    if (next.bytes === last.bytes) break;
    layers.push(next);
  }
  return layers;
}

const BASE64_VALUE = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i] as const));
BASE64_VALUE.set('-', 62).set('_', 63); // base64url

/** The bytes of a base64 / base64url run of `view` read from `from`, each mapped to its 4-char group. */
function base64View(view: View, from: number, to: number): View {
  const out = new ViewBuilder(false);
  for (let g = from; g + 1 < to; g += 4) {
    const last = Math.min(g + 4, to);
    let bits = 0;
    let count = 0;
    for (let j = g; j < last; j += 1) {
      bits = (bits << 6) | (BASE64_VALUE.get(view.bytes[j] ?? '') ?? 0);
      count += 6;
    }
    const start = view.start[g] ?? 0;
    const end = view.end[last - 1] ?? start;
    for (count -= 8; count >= 0; count -= 8) out.byte((bits >> count) & 0xff, start, end);
  }
  return out.done();
}

/** The bytes of a hex run of `view` read from `from`. */
function hexView(view: View, from: number, to: number): View {
  const out = new ViewBuilder(false);
  for (let i = from; i + 1 < to; i += 2) out.byte(parseInt(view.bytes.slice(i, i + 2), 16), view.start[i] ?? 0, view.end[i + 1] ?? 0);
  return out.done();
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}/g;
const HEX_RUN = /[0-9a-fA-F]{16,}/g;

/**
 * A view of every base64 / base64url run (at each of its 4 alignments: the run may start inside
 * a word glued to it) and of every hex run (2 alignments) of `view`.
 */
export function binaryViews(view: View): View[] {
  const out: View[] = [];
  for (const match of view.bytes.matchAll(BASE64_RUN)) {
    const at = match.index;
    for (let shift = 0; shift < 4; shift += 1) out.push(base64View(view, at + shift, at + match[0].length));
  }
  for (const match of view.bytes.matchAll(HEX_RUN)) {
    const at = match.index;
    for (let shift = 0; shift < 2; shift += 1) out.push(hexView(view, at + shift, at + match[0].length));
  }
  return out;
}
