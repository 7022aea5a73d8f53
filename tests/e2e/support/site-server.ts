/** The test web server (scripts/static-server.mjs), typed for the fixtures. */
import { startStaticServer } from '../../../scripts/static-server.mjs';

export type Site = Awaited<ReturnType<typeof startStaticServer>>;

export function startSite(roots: Record<string, string>): Promise<Site> {
  return startStaticServer(roots);
}
