import { describe, expect, it } from 'vitest';
import { approvalEvent } from './approval-events';
import { sanitize } from './audit';
import type { ApprovalRecord } from '../db/tables/approvals';

const record: ApprovalRecord = { id: 'p1', origin: 'https://voice.example', createdAt: 0, request: { scopes: ['speech', 'images'] } } as ApprovalRecord;

describe('the audit event of a connection', () => {
  it('records the media scopes granted and each one’s default model, flat', () => {
    const event = approvalEvent(record, {
      decision: { budget: { usd: 1, period: 'day' }, models: ['tts-1', 'dall-e-3'], defaultModel: 'tts-1', scopes: ['speech', 'images'], defaults: { speech: 'tts-1', images: 'dall-e-3' } },
    });
    expect(event.type).toBe('connect.approved');
    expect(sanitize(event.detail)).toMatchObject({ scopes: 'speech, images', defaults: 'speech=tts-1, images=dall-e-3', defaultModel: 'tts-1' });
  });

  it('names the scopes asked for when the person rejects', () => {
    expect(sanitize(approvalEvent(record, { rejected: true, closed: false }).detail)).toMatchObject({ scopes: 'speech, images', how: 'rejected' });
  });
});
