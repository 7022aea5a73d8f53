import { useId } from 'react';
import { defaultChoices, type MediaDefaults } from '@/lib/grants/media-defaults';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { MediaScope } from '@/lib/protocol/scopes';

/** Each media scope's select label, and its warning when no allowed model serves it (whole sentences: the verb differs by scope). */
const WORDS: Readonly<Record<MediaScope, { label: MessageKey; none: MessageKey }>> = {
  speech: { label: 'scope_defaultSpeech', none: 'scope_noSpeechModel' },
  transcription: { label: 'scope_defaultTranscription', none: 'scope_noTranscriptionModel' },
  images: { label: 'scope_defaultImages', none: 'scope_noImagesModel' },
};

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
              {t(WORDS[scope].none)}
            </p>
          );
        }
        return (
          <div key={scope}>
            <label htmlFor={id}>{t(WORDS[scope].label)}</label>
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
