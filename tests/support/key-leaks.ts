/**
 * The leak check of the scrubber's tests, written apart from the scrubber (lib/providers/scrub*.ts)
 * so that it does not share its blind spots: every form a reader could decode from a text, and
 * every piece of at least 8 characters of a key's core found in any of them.
 */
import { Buffer } from 'node:buffer';

/** Public prefixes the tests' keys use; what follows is the core that must never leak. */
const PREFIXES = ['sk-ant-api03-', 'sk-proj-', 'sk-or-v1-', 'sk-', 'gsk_', 'xai-'];

export function coreOfKey(key: string): string {
  const prefix = PREFIXES.find((p) => key.startsWith(p));
  return (prefix ? key.slice(prefix.length) : key).toLowerCase();
}

const NAMED: Record<string, string> = { hyphen: '-', dash: '-', lowbar: '_', UnderBar: '_', period: '.', sol: '/', plus: '+', equals: '=', amp: '&', quot: '"' };

const byte = (code: number) => String.fromCharCode(code);

const textDecoders: Array<(s: string) => string> = [
  (s) => s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => byte(parseInt(h, 16))),
  (s) =>
    s
      .replace(/&#x([0-9a-f]{1,6});?/gi, (_, h: string) => byte(parseInt(h, 16) & 0xff))
      .replace(/&#([0-9]{1,7});?/g, (_, d: string) => byte(parseInt(d, 10) & 0xff))
      .replace(/&([A-Za-z]+);/g, (m, name: string) => NAMED[name] ?? m),
  (s) =>
    s
      .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => byte(parseInt(h, 16) & 0xff))
      .replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => byte(parseInt(h, 16)))
      .replace(/\\[nrt]/g, '')
      .replace(/\\(["\\/])/g, '$1'),
  (s) => s.replace(/\s+/g, ''),
];

function binaryDecodes(s: string): string[] {
  const out: string[] = [];
  for (const [run] of s.matchAll(/[A-Za-z0-9+/_-]{12,}/g)) {
    for (let shift = 0; shift < 4; shift += 1) out.push(Buffer.from(run.slice(shift).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'));
  }
  for (const [run] of s.matchAll(/[0-9a-f]{16,}/gi)) {
    for (let shift = 0; shift < 2; shift += 1) out.push(Buffer.from(run.slice(shift, shift + ((run.length - shift) & ~1)), 'hex').toString('latin1'));
  }
  return out;
}

/** `text` and everything decodable from it: up to three text decodings in any order, then base64 and hex. */
export function decodedForms(text: string): string[] {
  const forms = new Set([text]);
  let layer = [text];
  for (let depth = 0; depth < 3; depth += 1) {
    const next: string[] = [];
    for (const form of layer) {
      for (const decode of textDecoders) {
        const decoded = decode(form);
        if (!forms.has(decoded)) {
          forms.add(decoded);
          next.push(decoded);
        }
      }
    }
    layer = next;
  }
  for (const form of [...forms]) for (const decoded of binaryDecodes(form)) forms.add(decoded);
  return [...forms].map((f) => f.toLowerCase());
}

/** Every piece of at least `min` characters of the key's core that survives in a decoded form of `text`. */
export function leakedPieces(text: string, key: string, min = 8): string[] {
  const core = coreOfKey(key);
  const forms = decodedForms(text);
  const leaks = new Set<string>();
  for (let i = 0; i + min <= core.length; i += 1) {
    const piece = core.slice(i, i + min);
    if (forms.some((f) => f.includes(piece))) leaks.add(piece);
  }
  return [...leaks];
}
