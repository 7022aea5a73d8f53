// @ts-check
/**
 * `multipart/form-data` (RFC 7578) as the providers' upload routes read it: the boundary from the
 * Content-Type, parts split on `--boundary` in the raw bytes (binary-safe: a file's bytes are never
 * decoded as text), each part's `name`, `filename` and `Content-Type` from its headers.
 */

/**
 * @typedef {object} FilePart
 * @property {string} name the form field, e.g. `file`
 * @property {string} filename
 * @property {string} contentType '' when the part had none
 * @property {Buffer} data the bytes as sent
 */

/**
 * @typedef {object} FormData
 * @property {Record<string, string[]>} fields text fields, every value in order (`timestamp_granularities[]` repeats)
 * @property {FilePart[]} files
 */

/**
 * The boundary of a `multipart/form-data` Content-Type, or null when it is not one.
 * @param {string} contentType
 */
export function multipartBoundary(contentType) {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? '';
  return boundary.length >= 1 && boundary.length <= 70 ? boundary : null;
}

/**
 * Parses a multipart body. Returns null when it is malformed (no opening boundary, a part without
 * its blank line, no closing boundary).
 * @param {Buffer} body
 * @param {string} boundary
 * @returns {FormData | null}
 */
export function parseMultipart(body, boundary) {
  const delimiter = Buffer.from(`--${boundary}`);
  /** @type {FormData} */
  const form = { fields: {}, files: [] };
  let at = body.indexOf(delimiter);
  if (at === -1) return null;
  for (;;) {
    at += delimiter.length;
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return form; // `--boundary--`: the end
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) return null;
    at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd === -1) return null;
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next === -1) return null;
    addPart(form, headers, body.subarray(dataStart, next));
    at = next + 2;
  }
}

/**
 * @param {FormData} form
 * @param {string} headerText
 * @param {Buffer} data
 */
function addPart(form, headerText, data) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const disposition = headers['content-disposition'] ?? '';
  const name = dispositionParam(disposition, 'name');
  if (name === null) return;
  const filename = dispositionParam(disposition, 'filename');
  if (filename !== null) {
    form.files.push({ name, filename, contentType: headers['content-type'] ?? '', data });
    return;
  }
  (form.fields[name] ??= []).push(data.toString('utf8'));
}

/**
 * A parameter of a Content-Disposition header (`name="file"`), quoted or not; null when absent.
 * Browsers escape `"` in names as `%22`, which is left as sent.
 * @param {string} disposition
 * @param {string} param
 */
function dispositionParam(disposition, param) {
  const match = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(disposition);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '');
}

/**
 * The first value of a text field, or undefined.
 * @param {FormData} form
 * @param {string} name
 */
export function field(form, name) {
  return form.fields[name]?.[0];
}
