import { describe, expect, it } from 'vitest';
import { MAX_FAVICON_URL_CHARS, acceptedFavIconUrl, isInlineImage } from './favicon';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('the favicon the approval data may carry', () => {
  it('takes https URLs and inline images', () => {
    expect(acceptedFavIconUrl('https://chat.example.com/favicon.ico')).toBe('https://chat.example.com/favicon.ico');
    expect(acceptedFavIconUrl(PNG)).toBe(PNG);
  });

  it('drops anything else', () => {
    for (const url of ['http://chat.example.com/favicon.ico', 'javascript:alert(1)', 'data:text/html,<script>', 'chrome://favicon/x', 'blob:https://x/1', '', 42, undefined]) {
      expect(acceptedFavIconUrl(url)).toBeUndefined();
    }
  });

  it('drops what is too large', () => {
    expect(acceptedFavIconUrl(`data:image/png;base64,${'A'.repeat(MAX_FAVICON_URL_CHARS)}`)).toBeUndefined();
    expect(acceptedFavIconUrl(`https://example.com/${'a'.repeat(3_000)}`)).toBeUndefined();
  });

  it('draws only inline images', () => {
    expect(isInlineImage(PNG)).toBe(true);
    expect(isInlineImage('https://chat.example.com/favicon.ico')).toBe(false);
    expect(isInlineImage(null)).toBe(false);
  });
});
