import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, parseCsv, toCsv } from './csv';
import { ledgerCsv, LEDGER_CSV_HEADER } from './ledger-csv';
import { nanoToDecimal } from './money';
import type { LedgerEntry } from '../db/tables/ledger';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
  ])('defuses the formula-leading text cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers as they are, negative error codes included', () => {
    expect(csvCell(-32602)).toBe('-32602');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('every line ends with CRLF and parses back to the same cells (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', ' ', 'é', '\t') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const padded = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const csv = toCsv(header, padded);
        expect(csv.endsWith('\r\n')).toBe(true);
        const back = parseCsv(csv);
        expect(back[0]).toEqual(header);
        // A defused cell reads back with its leading quote; nothing else changes.
        expect(back.slice(1)).toEqual(padded.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
    );
  });
});

describe('ledger csv', () => {
  const row: LedgerEntry = {
    id: 'e1',
    at: Date.UTC(2026, 10, 23, 12, 0, 0),
    origin: 'https://a.example',
    kind: 'chat',
    model: 'gpt-4o-mini',
    provider: 'openai',
    status: 'error',
    inputTokens: 12,
    outputTokens: 3,
    costNano: 12_345,
    reservedNano: 1_000_000_001,
    inputEstimate: 10,
    errorCode: 5000,
    errorMessage: '=cmd|" /C calc"!A0, said the provider',
    durationMs: 42,
  };

  it('one row per request with exact dollar amounts and a defused error message', () => {
    const [header, line, ...rest] = parseCsv(ledgerCsv([row]));
    expect(rest).toEqual([]);
    expect(header).toEqual([...LEDGER_CSV_HEADER]);
    const cells = Object.fromEntries(header!.map((h, i) => [h, line![i]]));
    expect(cells).toMatchObject({
      id: 'e1',
      time: '2026-11-23T12:00:00.000Z',
      site: 'https://a.example',
      status: 'error',
      input_tokens: '12',
      output_tokens: '3',
      cost_usd: '0.000012345',
      reserved_usd: '1.000000001',
      duration_ms: '42',
      error_code: '5000',
      error_message: `'=cmd|" /C calc"!A0, said the provider`,
    });
  });

  it('keeps the columns in their order and adds each media unit at the end, empty for a chat', () => {
    expect(LEDGER_CSV_HEADER.slice(-4)).toEqual(['error_message', 'characters', 'seconds', 'images']);
    expect(LEDGER_CSV_HEADER.indexOf('kind')).toBe(3);
    const speech: LedgerEntry = { ...row, id: 'e2', kind: 'speech', model: 'tts-1', units: { characters: 1234 } };
    const transcription: LedgerEntry = { ...row, id: 'e3', kind: 'transcription', model: '@whisper', units: { seconds: 42.5 } };
    const images: LedgerEntry = { ...row, id: 'e4', kind: 'images', model: 'dall-e-3', units: { images: 2 } };
    const [header, chat, ...media] = parseCsv(ledgerCsv([row, speech, transcription, images]));
    const cells = (line: string[] | undefined) => Object.fromEntries(header!.map((h, i) => [h, line![i]]));
    expect(cells(chat)).toMatchObject({ kind: 'chat', characters: '', seconds: '', images: '' });
    expect(media.map(cells)).toEqual([
      expect.objectContaining({ kind: 'speech', characters: '1234', seconds: '', images: '' }),
      // A text cell is still defused: a model name cannot become a formula.
      expect.objectContaining({ kind: 'transcription', model: "'@whisper", characters: '', seconds: '42.5', images: '' }),
      expect.objectContaining({ kind: 'images', characters: '', seconds: '', images: '2' }),
    ]);
  });

  it('nano-USD as exact decimals', () => {
    expect(nanoToDecimal(0)).toBe('0.000000000');
    expect(nanoToDecimal(1)).toBe('0.000000001');
    expect(nanoToDecimal(1_500_000_000)).toBe('1.500000000');
    expect(nanoToDecimal(-5)).toBe('-0.000000005');
  });
});
