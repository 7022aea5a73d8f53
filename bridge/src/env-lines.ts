/** What `connect` prints: the variables the official SDKs, Claude Code and aider read. */
export function envLines(port: number, token: string): string[] {
  const base = `http://127.0.0.1:${port}`;
  return [
    `OPENAI_BASE_URL=${base}/openai/v1`,
    `OPENAI_API_KEY=${token}`,
    // aider (and older OpenAI clients) read OPENAI_API_BASE.
    `OPENAI_API_BASE=${base}/openai/v1`,
    // Anthropic's SDKs and Claude Code add /v1 themselves.
    `ANTHROPIC_BASE_URL=${base}/anthropic`,
    `ANTHROPIC_API_KEY=${token}`,
  ];
}
