// @ts-check
/**
 * The magic directives tests and benchmarks put in the last user message:
 * `[[chunks:N]]`, `[[delay:MS]]`, `[[burst]]`, `[[hang]]`, `[[error:STATUS]]`, `[[echo-key]]`,
 * `[[tool:NAME:JSON]]`, and the usage reported: `[[image-tokens:N]]`, `[[output-tokens:N]]`.
 */

/**
 * @typedef {object} Directives
 * @property {number | null} chunks reply with exactly N chunks `w0 `, `w1 `, ...
 * @property {number} delayMs wait between chunks
 * @property {boolean} burst stream: write the whole stream at once, so the client alone sets the pace
 * @property {boolean} hang send the stream start, then nothing until the client goes
 * @property {number | null} errorStatus answer with this HTTP status
 * @property {boolean} echoKey answer 400 with the request's key in the message
 * @property {{ name: string, arguments: string } | null} tool call this tool with these (raw JSON) arguments
 * @property {number | null} imageTokens report N input tokens for each image (what a provider bills for its largest image)
 * @property {number | null} outputTokens report N output tokens, whatever was sent
 * @property {string} text the user text without the directives
 */

const MAX_CHUNKS = 1_000_000;
const MAX_DELAY_MS = 60_000;
const MAX_REPORTED_TOKENS = 100_000_000;
const SIMPLE = /\[\[(chunks|delay|error|image-tokens|output-tokens):(\d+)\]\]|\[\[(hang|echo-key|burst)\]\]/g;
const TOOL_START = '[[tool:';

/**
 * Reads the directives out of a user text.
 * @param {string} input
 * @returns {Directives}
 */
export function parseDirectives(input) {
  /** @type {Directives} */
  const found = { chunks: null, delayMs: 0, burst: false, hang: false, errorStatus: null, echoKey: false, tool: null, imageTokens: null, outputTokens: null, text: '' };
  const { tool, rest } = extractTool(input);
  found.tool = tool;
  const text = rest.replace(SIMPLE, (_match, name, value, flag) => {
    const n = Number(value);
    if (name === 'chunks') found.chunks = Math.min(n, MAX_CHUNKS);
    else if (name === 'delay') found.delayMs = Math.min(n, MAX_DELAY_MS);
    else if (name === 'error' && n >= 400 && n <= 599) found.errorStatus = n;
    else if (name === 'image-tokens') found.imageTokens = Math.min(n, MAX_REPORTED_TOKENS);
    else if (name === 'output-tokens') found.outputTokens = Math.min(n, MAX_REPORTED_TOKENS);
    else if (flag === 'hang') found.hang = true;
    else if (flag === 'echo-key') found.echoKey = true;
    else if (flag === 'burst') found.burst = true;
    return ' ';
  });
  found.text = text.replace(/[ \t]{2,}/g, ' ').trim();
  return found;
}

/**
 * Finds the first `[[tool:NAME]]` or `[[tool:NAME:JSON]]`. The JSON may itself contain `]]`: the
 * shortest candidate that parses wins; if none parses, the raw text up to the first `]]` is used
 * (a model may produce invalid JSON too).
 * @param {string} input
 * @returns {{ tool: { name: string, arguments: string } | null, rest: string }}
 */
function extractTool(input) {
  const start = input.indexOf(TOOL_START);
  if (start === -1) return { tool: null, rest: input };
  const bodyStart = start + TOOL_START.length;
  const firstEnd = input.indexOf(']]', bodyStart);
  if (firstEnd === -1) return { tool: null, rest: input };
  const colon = input.indexOf(':', bodyStart);
  if (colon === -1 || colon > firstEnd) {
    const name = input.slice(bodyStart, firstEnd).trim();
    return { tool: { name, arguments: '{}' }, rest: input.slice(0, start) + ' ' + input.slice(firstEnd + 2) };
  }
  const name = input.slice(bodyStart, colon).trim();
  for (let end = firstEnd; end !== -1; end = input.indexOf(']]', end + 1)) {
    const candidate = input.slice(colon + 1, end);
    if (isJson(candidate)) {
      return { tool: { name, arguments: candidate.trim() }, rest: input.slice(0, start) + ' ' + input.slice(end + 2) };
    }
  }
  return { tool: { name, arguments: input.slice(colon + 1, firstEnd) }, rest: input.slice(0, start) + ' ' + input.slice(firstEnd + 2) };
}

/** @param {string} text */
function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
