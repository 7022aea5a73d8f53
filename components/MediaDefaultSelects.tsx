import { useId } from 'react';
import { DEFAULT_LABEL, defaultChoices, type MediaDefaults } from '@/lib/grants/media-defaults';
import type { MediaScope } from '@/lib/protocol/scopes';
import { scopeInWords } from '@/lib/ui/scopes';

/**
 * One "Default … model" select per media scope (speech, transcription, images): the model a
 * request of that kind uses when it names none, among the allowed models that can serve it.
 * Shared by the approval window and a site's settings.
 */
export function MediaDefaultSelects({ scopes, models, value, onChange }: { scopes: readonly MediaScope[]; models: readonly string[]; value: MediaDefaults; onChange: (scope: MediaScope, model: string) => void }) {
  const base = useId();
  return (
    <>
      {scopes.map((scope) => {
        const choices = defaultChoices(models, scope);
        const id = `${base}-${scope}`;
        if (choices.length === 0) {
          return (
            <p key={scope} className="warn" data-testid={`no-${scope}-model`}>
              No allowed model can {scopeInWords(scope)}: tick one above, or add a key that offers one.
            </p>
          );
        }
        return (
          <div key={scope}>
            <label htmlFor={id}>{DEFAULT_LABEL[scope]}</label>
            <select id={id} value={value[scope] ?? choices[0]} onChange={(e) => onChange(scope, e.target.value)}>
              {choices.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </>
  );
}
