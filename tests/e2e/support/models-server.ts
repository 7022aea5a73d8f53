/**
 * A bare OpenAI-style `GET /v1/models` on 127.0.0.1 listing the models a test names: a key for
 * speech, transcription and image models, to approve connections without any of their routes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ModelsServer {
  /** The base URL the OpenAI SDK takes (`http://127.0.0.1:PORT/v1`). */
  baseUrl: string;
  close(): Promise<void>;
}

export async function startModelsServer(models: readonly string[]): Promise<ModelsServer> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })) }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
