import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { phrase } from '@/lib/protocol/said';
import { UiError } from '@/lib/ui/client';
import { ErrorText } from './Field';

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);
const wrong = () => new UiError(4900, 'Wrong passphrase', phrase('wrongPassphrase').said);

describe('ErrorText', () => {
  it('in English, the alert is the worker’s message word for word, with no details', () => {
    expect(html(<ErrorText error={wrong()} />)).toBe('<p role="alert" class="error">Wrong passphrase</p>');
    expect(html(<ErrorText error={phrase('passphraseTooShort', 10)} />)).toBe('<p role="alert" class="error">The passphrase must have at least 10 characters</p>');
    expect(html(<ErrorText error="A page’s own words" />)).toBe('<p role="alert" class="error">A page’s own words</p>');
    expect(html(<ErrorText error={null} />)).toBe('');
  });

  it('in another language, the alert is the translation and the details, beside it, the code and the worker’s words', () => {
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, values?: string[]) => (key === 'error_wrongPassphrase' ? 'Falsche Passphrase' : getMessage(key, values))) as typeof getMessage;
    try {
      expect(html(<ErrorText error={wrong()} />)).toBe(
        '<p role="alert" class="error">Falsche Passphrase</p><details class="error-details"><summary>Details</summary><p class="muted">Error 4900: Wrong passphrase</p></details>',
      );
    } finally {
      fakeBrowser.i18n.getMessage = getMessage;
    }
  });

  it('a warning keeps the provider’s words behind Details', () => {
    const rejected = phrase('keyRejected', 'HTTP 401 invalid api key');
    expect(html(<ErrorText error={rejected} tone="warn" />)).toBe(
      '<p role="alert" class="warn">The provider rejected this key</p><details class="error-details"><summary>Details</summary><p class="muted">The provider rejected this key: HTTP 401 invalid api key</p></details>',
    );
  });
});
