/**
 * What kind of model an id names, from the id alone: the approval window ticks the models that
 * serve the scopes a site asks for (a chat model for `chat`, an embedding model for `embed`, a
 * speech model for `speech`, ...). Providers' model lists carry no kind, so this goes by the
 * families' well-known names; an id it does not recognise counts as a chat model, the kind
 * nearly every listed model is.
 */
export type ModelKind = 'chat' | 'embedding' | 'speech' | 'transcription' | 'image' | 'other';

/** Embedding families: OpenAI's text-embedding-*, Gemini's, Ollama's nomic-embed / mxbai-embed, and the open ones. */
const EMBEDDING = /embed|(^|\/)(voyage-|bge-|e5-|gte-|all-minilm|multilingual-e5)/i;
/** Text to speech: OpenAI's tts-1 / gpt-4o-mini-tts, ElevenLabs' eleven_* voices models, Gemini's *-tts, Groq's playai-tts. */
const SPEECH = /(^|[-/_])tts($|[-_])|^eleven_(?!.*scribe)|^(eleven_)?(multilingual|turbo|flash)_v\d/i;
/** Speech to text: whisper-*, gpt-4o(-mini)-transcribe, ElevenLabs' scribe_v*. */
const TRANSCRIPTION = /whisper|transcribe|(^|_)scribe_v\d/i;
/** Image generation: dall-e-*, gpt-image-*, imagen-*, Gemini's *-image(-preview). */
const IMAGE = /(^|[-/])(dall-e|gpt-image|imagen)|-image(-preview|-generation)?$/i;
/** Moderation, reranking, realtime, video: nothing a site can be granted. */
const OTHER = /(^|[-/])(veo|sora|moderation|rerank|guard)|realtime|audio|image-/i;

export function modelKind(model: string): ModelKind {
  if (EMBEDDING.test(model)) return 'embedding';
  if (TRANSCRIPTION.test(model)) return 'transcription';
  if (SPEECH.test(model)) return 'speech';
  if (IMAGE.test(model)) return 'image';
  if (OTHER.test(model)) return 'other';
  return 'chat';
}
