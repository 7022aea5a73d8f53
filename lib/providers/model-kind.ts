/**
 * What kind of model an id names, from the id alone: the approval window ticks the models that
 * serve the scopes a site asks for (a chat model for `chat`, an embedding model for `embed`).
 * Providers' model lists carry no kind, so this goes by the families' well-known names; an id it
 * does not recognise counts as a chat model, the kind nearly every listed model is.
 */
export type ModelKind = 'chat' | 'embedding' | 'other';

/** Embedding families: OpenAI's text-embedding-*, Gemini's, Ollama's nomic-embed / mxbai-embed, and the open ones. */
const EMBEDDING = /embed|(^|\/)(voyage-|bge-|e5-|gte-|all-minilm|multilingual-e5)/i;

/** Speech, transcription, images, moderation, reranking: no chat, no embeddings. */
const OTHER = /(^|[-/])(tts|whisper|dall-e|gpt-image|imagen|veo|sora|moderation|rerank|guard)|transcribe|realtime|audio|image-|-image/i;

export function modelKind(model: string): ModelKind {
  if (EMBEDDING.test(model)) return 'embedding';
  if (OTHER.test(model)) return 'other';
  return 'chat';
}
