/**
 * Functions run inside the bench page (serialised by Playwright): each measures byok and a
 * direct fetch to the same mock, alternating, in the same page.
 */

/** Time to first token: ms from the call to the first delta, byok vs direct SSE fetch. */
export async function ttftProbe({ mockUrl, runs }) {
  const body = JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] });
  const direct = async () => {
    const t0 = performance.now();
    const res = await fetch(`${mockUrl}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sk-test-bench', 'content-type': 'application/json' }, body });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let first = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!first && decoder.decode(value, { stream: true }).includes('"content":"')) first = performance.now() - t0;
    }
    return first;
  };
  const viaByok = async () => {
    const t0 = performance.now();
    let first = 0;
    await window.byok.chat({ messages: [{ role: 'user', content: 'hi' }] }, { onDelta: () => (first ||= performance.now() - t0) });
    return first;
  };
  const out = { direct: [], byok: [] };
  for (let i = 0; i < runs; i++) {
    out.direct.push(await direct());
    out.byok.push(await viaByok());
  }
  return out;
}

/**
 * Whole-stream time of an N-chunk reply, byok vs direct (both read every chunk's text). With
 * `burst`, the mock writes the whole stream at once, and the reader alone sets the pace. With
 * `only`, one side alone (a block of runs whose CPU can be told apart).
 */
export async function throughputProbe({ mockUrl, chunks, runs, burst = false, only = null }) {
  const prompt = `[[chunks:${chunks}]]${burst ? ' [[burst]]' : ''} go`;
  const direct = async () => {
    const t0 = performance.now();
    const res = await fetch(`${mockUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test-bench', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, max_tokens: chunks + 10, messages: [{ role: 'user', content: prompt }] }),
    });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (event.startsWith('data: {')) text += JSON.parse(event.slice(6)).choices[0]?.delta?.content ?? '';
      }
    }
    return { ms: performance.now() - t0, chars: text.length };
  };
  // Also the longest time the page waited between two deltas: how smoothly the text streams.
  const viaByok = async () => {
    const t0 = performance.now();
    let chars = 0;
    let last = 0;
    let pauseMs = 0;
    const onDelta = (d) => {
      const now = performance.now();
      if (last) pauseMs = Math.max(pauseMs, now - last);
      last = now;
      chars += d.length;
    };
    await window.byok.chat({ messages: [{ role: 'user', content: prompt }], maxTokens: chunks + 10 }, { onDelta });
    return { ms: performance.now() - t0, chars, pauseMs };
  };
  const out = { direct: [], byok: [] };
  for (let i = 0; i < runs; i++) {
    if (only !== 'byok') out.direct.push(await direct());
    if (only !== 'direct') out.byok.push(await viaByok());
  }
  return out;
}

/** N concurrent streams, total wall time, byok vs direct. */
export async function concurrencyProbe({ mockUrl, streams }) {
  const one = (i) =>
    fetch(`${mockUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test-bench', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: `[[chunks:50]] stream ${i}` }] }),
    }).then((r) => r.text());
  let t0 = performance.now();
  await Promise.all(Array.from({ length: streams }, (_, i) => one(i)));
  const direct = performance.now() - t0;
  t0 = performance.now();
  await Promise.all(Array.from({ length: streams }, (_, i) => window.byok.chat({ messages: [{ role: 'user', content: `[[chunks:50]] stream ${i}` }] }, { onDelta: () => {} })));
  const byok = performance.now() - t0;
  return { direct, byok };
}
