import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ByokError } from './errors.js';
import { installLanguageModel, LanguageModel } from './language-model.js';
import { CANNED, FakeByok, fakeWindow, type FakeWindow } from './test-fake-byok.js';

let win: FakeWindow;
let fake: FakeByok;

beforeEach(() => {
  win = fakeWindow();
  fake = new FakeByok();
  fake.announceOn(win);
  vi.stubGlobal('window', win);
});
afterEach(() => vi.unstubAllGlobals());

async function read(stream: ReadableStream<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<string>) out.push(chunk);
  return out;
}

describe('LanguageModel statics', () => {
  it("is 'available' with a wallet and 'unavailable' without, or for audio", async () => {
    expect(await LanguageModel.availability()).toBe('available');
    expect(await LanguageModel.availability({ expectedInputs: [{ type: 'audio' }] })).toBe('unavailable');
    vi.stubGlobal('window', fakeWindow());
    expect(await LanguageModel.availability({ timeoutMs: 10 })).toBe('unavailable');
    expect(await LanguageModel.params({ timeoutMs: 10 })).toBeNull();
  });

  it('gives params', async () => {
    expect(await LanguageModel.params()).toEqual({ defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 });
  });

  it('create() connects the site, calls monitor, and refuses without a wallet', async () => {
    const progress: number[] = [];
    const session = await LanguageModel.create({ monitor: (m) => m.addEventListener('downloadprogress', (e) => progress.push((e as unknown as { loaded: number }).loaded)) });
    expect(session).toBeInstanceOf(LanguageModel);
    expect(fake.grant?.scopes).toEqual(['chat']);
    expect(progress).toEqual([1]);
    vi.stubGlobal('window', fakeWindow());
    await expect(LanguageModel.create({ timeoutMs: 10 })).rejects.toMatchObject({ name: 'NotSupportedError' });
  });

  it('create() rejects when the user rejects, or when already aborted', async () => {
    const e = await LanguageModel.create({ byok: new FakeByok({ rejectConnect: true }) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ByokError);
    expect(e).toMatchObject({ code: 4001 });
    await expect(LanguageModel.create({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('cannot be constructed directly', () => {
    const Ctor = LanguageModel as unknown as new () => LanguageModel;
    expect(() => new Ctor()).toThrow(TypeError);
  });

  it('installs itself as globalThis.LanguageModel only when there is none', () => {
    vi.stubGlobal('LanguageModel', undefined);
    expect(installLanguageModel()).toBe(true);
    expect((globalThis as { LanguageModel?: unknown }).LanguageModel).toBe(LanguageModel);
    vi.stubGlobal('LanguageModel', { native: true });
    expect(installLanguageModel()).toBe(false);
    expect(installLanguageModel({ force: true })).toBe(true);
  });
});

describe('LanguageModel sessions', () => {
  it('prompt() answers and keeps the conversation like Chrome', async () => {
    const session = await LanguageModel.create({
      initialPrompts: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
      ],
      temperature: 0.3,
      topK: 5,
      model: 'gpt-4o-mini',
    });
    expect([session.temperature, session.topK]).toEqual([0.3, 5]);
    expect(await session.prompt('How are you?')).toBe(CANNED.join(''));
    await session.prompt([{ role: 'user', content: [{ type: 'text', value: 'And now?' }] }]);
    expect(fake.chatRequests[1]).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0.3,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'How are you?' },
        { role: 'assistant', content: CANNED.join('') },
        { role: 'user', content: 'And now?' },
      ],
    });
    expect(session.contextUsage).toBeGreaterThan(0);
    expect(session.contextWindow).toBe(Infinity);
  });

  it('promptStreaming() streams deltas that add up to the reply, then remembers it', async () => {
    const session = await LanguageModel.create();
    expect(await read(session.promptStreaming('hi'))).toEqual(CANNED);
    await session.prompt('again');
    expect(fake.chatRequests[1]?.messages).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: CANNED.join('') },
      { role: 'user', content: 'again' },
    ]);
  });

  it('runs prompts one after another, in order', async () => {
    const session = await LanguageModel.create();
    fake.reply = (req) => ({ chunks: [`#${req.messages.length}`] });
    const replies = await Promise.all([session.prompt('a'), session.prompt('b'), session.prompt('c')]);
    expect(replies).toEqual(['#1', '#3', '#5']);
  });

  it('abort rejects with the reason, tells the wallet, and leaves the conversation as it was', async () => {
    fake.delayMs = 50;
    const session = await LanguageModel.create();
    const ac = new AbortController();
    const p = session.prompt('hi', { signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(fake.aborts).toBe(1));
    fake.delayMs = 1;
    await session.prompt('again');
    expect(fake.chatRequests.at(-1)?.messages).toEqual([{ role: 'user', content: 'again' }]);
  });

  it('an aborted promptStreaming() errors its stream; cancelling the stream aborts the prompt', async () => {
    fake.delayMs = 30;
    const session = await LanguageModel.create();
    const ac = new AbortController();
    const stream = session.promptStreaming('hi', { signal: ac.signal });
    setTimeout(() => ac.abort(), 45);
    await expect(read(stream)).rejects.toMatchObject({ name: 'AbortError' });
    const reader = session.promptStreaming('hi').getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(fake.aborts).toBe(2));
  });

  it('destroy() rejects what is pending and refuses what comes after', async () => {
    fake.delayMs = 50;
    const session = await LanguageModel.create();
    const p = session.prompt('hi');
    setTimeout(() => session.destroy(), 10);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await expect(session.prompt('again')).rejects.toMatchObject({ name: 'InvalidStateError' });
    await expect(session.clone()).rejects.toMatchObject({ name: 'InvalidStateError' });
  });

  it("create()'s signal destroys the session", async () => {
    const ac = new AbortController();
    const session = await LanguageModel.create({ signal: ac.signal });
    ac.abort();
    await expect(session.prompt('hi')).rejects.toMatchObject({ name: 'InvalidStateError' });
  });

  it('append() adds to the conversation without a reply; clone() copies it', async () => {
    const session = await LanguageModel.create();
    await session.append([{ role: 'user', content: 'Remember: 42' }]);
    expect(fake.chatRequests).toHaveLength(0);
    const copy = await session.clone();
    await copy.prompt('What number?');
    await session.prompt('Something else');
    expect(fake.chatRequests.map((r) => r.messages)).toEqual([
      [{ role: 'user', content: 'Remember: 42' }, { role: 'user', content: 'What number?' }],
      [{ role: 'user', content: 'Remember: 42' }, { role: 'user', content: 'Something else' }],
    ]);
  });

  it('continues an assistant prefix', async () => {
    fake.reply = () => ({ chunks: [' world"}'] });
    const session = await LanguageModel.create();
    const out = await session.prompt([
      { role: 'user', content: 'JSON please' },
      { role: 'assistant', content: '{"hello":', prefix: true },
    ]);
    expect(out).toBe(' world"}');
    await session.prompt('more');
    expect(fake.chatRequests[1]?.messages.slice(0, 2)).toEqual([
      { role: 'user', content: 'JSON please' },
      { role: 'assistant', content: '{"hello": world"}' },
    ]);
  });

  it('sends responseConstraint as a JSON schema response format', async () => {
    const session = await LanguageModel.create();
    await session.prompt('rate it', { responseConstraint: { type: 'object', properties: { rating: { type: 'number' } } }, omitResponseConstraintInput: true });
    expect(fake.chatRequests[0]?.responseFormat).toEqual({ type: 'json_schema', name: 'response', schema: { type: 'object', properties: { rating: { type: 'number' } } } });
    await expect(session.prompt('x', { responseConstraint: /yes|no/ })).rejects.toMatchObject({ name: 'NotSupportedError' });
  });

  it('takes images as URLs and Blobs, and refuses audio', async () => {
    const session = await LanguageModel.create();
    await session.prompt([
      {
        role: 'user',
        content: [
          { type: 'text', value: 'what?' },
          { type: 'image', value: 'https://example.com/a.png' },
          { type: 'image', value: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }) },
        ],
      },
    ]);
    expect(fake.chatRequests[0]?.messages[0]?.content).toEqual([
      { type: 'text', text: 'what?' },
      { type: 'image', url: 'https://example.com/a.png' },
      { type: 'image', url: 'data:image/png;base64,AQID' },
    ]);
    await expect(session.prompt([{ role: 'user', content: [{ type: 'audio', value: new Blob() }] }])).rejects.toMatchObject({ name: 'NotSupportedError' });
  });

  it('refuses system messages in prompts and a system message after the first initial prompt', async () => {
    const session = await LanguageModel.create();
    await expect(session.prompt([{ role: 'system', content: 'x' }])).rejects.toMatchObject({ name: 'NotSupportedError' });
    await expect(LanguageModel.create({ initialPrompts: [{ role: 'user', content: 'a' }, { role: 'system', content: 'b' }] })).rejects.toBeInstanceOf(TypeError);
    await expect(session.prompt([{ role: 'wizard', content: 'x' }] as never)).rejects.toBeInstanceOf(TypeError);
  });

  it('rejects wallet errors as ByokError', async () => {
    const session = await LanguageModel.create();
    fake.failNext({ code: 4402, message: 'Budget exceeded' });
    const e = await session.prompt('hi').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ByokError);
    expect(e).toMatchObject({ code: 4402, message: 'Budget exceeded' });
    expect(await session.measureContextUsage('12345678')).toBe(2);
  });
});
