import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rich } from './rich';

describe('rich', () => {
  it('puts each element where the message places it, and keeps a value that looks like markup as text', () => {
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((_key: string, values: string[]) => `Embedded in ${values[1]!}, asked by ${values[0]!}.`) as typeof getMessage;
    try {
      const html = renderToStaticMarkup(<p>{rich('extName', <strong>a.example</strong>, '<b>x</b>')}</p>);
      expect(html).toBe('<p>Embedded in &lt;b&gt;x&lt;/b&gt;, asked by <strong>a.example</strong>.</p>');
    } finally {
      fakeBrowser.i18n.getMessage = getMessage;
    }
  });
});
