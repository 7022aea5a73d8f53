/**
 * Reads a `multipart/form-data` request body (what `POST /audio/transcriptions` takes) into a
 * `FormData`, whether the app passed a `FormData` (the SDKs do) or raw multipart bytes, a Blob or
 * a stream. The size is capped before anything is parsed, so a hostile body cannot fill the page's
 * memory; each refusal is a 400 naming what is wrong.
 */
import { HttpError } from './_http.js';
import { invalid, tooLarge } from './messages.js';

/** The providers' cap on an audio upload (OpenAI's 25 MB), as the wallet enforces it. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
/** A whole multipart body: the audio plus room for the text fields and the part headers. */
export const MAX_MULTIPART_BYTES = MAX_AUDIO_BYTES + 64 * 1024;

const tooBig = () => new HttpError(400, tooLarge('(body)', MAX_MULTIPART_BYTES), 'file', 'request_too_large');

/** The bytes of a stream, or a 400 once more than `max` have come; aborting `signal` stops reading. */
async function readCapped(stream: ReadableStream<Uint8Array>, max: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  signal?.addEventListener('abort', () => void reader.cancel(signal.reason).catch(() => undefined), { once: true });
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel();
      throw tooBig();
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The bytes a FormData holds (its files and text fields), without the part headers. */
function formSize(form: FormData): number {
  let size = 0;
  form.forEach((v) => (size += typeof v === 'string' ? v.length * 3 : v.size));
  return size;
}

/**
 * The request's form. `body` is the `init.body` the app passed (or `undefined` to read `request`);
 * `contentType` its header. A raw body must say `multipart/form-data` with a boundary.
 * Aborting `signal` stops reading the body.
 */
export async function readForm(body: BodyInit | null | undefined, request: Request | undefined, contentType: string | null, signal?: AbortSignal): Promise<FormData> {
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    if (formSize(body) > MAX_MULTIPART_BYTES) throw tooBig();
    return body;
  }
  if (!contentType || !/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) {
    throw new HttpError(400, invalid('Content-Type', "'multipart/form-data' with a boundary (send the audio as a form with a 'file' part)"), null, 'invalid_content_type');
  }
  const source = body ?? request?.body;
  if (!source) throw new HttpError(400, invalid('file', 'an audio file part'), 'file', 'invalid_value');
  const stream = source instanceof ReadableStream ? source : new Response(source).body;
  const bytes = stream ? await readCapped(stream, MAX_MULTIPART_BYTES, signal) : new Uint8Array(0);
  try {
    return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new HttpError(400, invalid('(body)', 'a well-formed multipart/form-data body'), null, 'invalid_multipart');
  }
}
