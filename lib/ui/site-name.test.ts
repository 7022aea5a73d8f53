import { describe, expect, it } from 'vitest';
import { siteColour, siteLetter, siteName } from './site-name';

describe('a site’s name beside its exact origin', () => {
  it('is the host without www', () => {
    expect(siteName('https://www.chat.example.com')).toBe('chat.example.com');
    expect(siteName('https://chat.example.com:8443')).toBe('chat.example.com');
    expect(siteName('http://127.0.0.1:5173')).toBe('127.0.0.1');
    expect(siteName('https://wwwexample.com')).toBe('wwwexample.com');
  });

  it('names a local app as one', () => {
    expect(siteName('app:cli')).toBe('cli (local app)');
  });

  it('draws a letter in a colour of its own', () => {
    expect(siteLetter('https://www.chat.example.com')).toBe('C');
    expect(siteLetter('http://127.0.0.1:5173')).toBe('1');
    expect(siteColour('https://a.example')).toBe(siteColour('https://a.example'));
    expect(siteColour('https://a.example')).toMatch(/^hsl\(\d+ 60% 30%\)$/);
  });
});
