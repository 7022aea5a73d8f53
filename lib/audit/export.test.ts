import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage } from '../i18n/format';
import { parseCsv } from '../dashboard/csv';
import { auditFile, detailText } from './export';

const record = { id: 1, at: 0, type: 'key.added', detail: { name: 'Work', keyId: 'k', enabled: true } };

describe('an audit event’s facts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('read name=value; name=value in English', () => {
    expect(detailText(record)).toBe('name=Work; keyId=k; enabled=true');
    expect(detailText({ ...record, detail: { model: 'gpt-4o-mini' } })).toBe('model=gpt-4o-mini');
    expect(detailText({ ...record, detail: undefined })).toBe('');
  });

  it('follow the person’s language in the table, while the CSV keeps the machine form', () => {
    const other: Record<string, string> = { audit_detail: '$1: $2', audit_detailList: '$1 · $2' };
    const english = fakeBrowser.i18n.getMessage.bind(fakeBrowser.i18n);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, values?: string | (string | number)[]) => {
      const message = other[key];
      const subs = (typeof values === 'string' ? [values] : (values ?? [])).map(String);
      return message === undefined ? english(key, subs) : formatMessage({ message }, subs);
    });
    expect(detailText(record)).toBe('name: Work · keyId: k · enabled: true');
    expect(parseCsv(auditFile([record], 'csv').text)[1]?.[5]).toBe('name=Work; keyId=k; enabled=true');
  });
});
