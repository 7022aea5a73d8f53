/**
 * Local apps' credentials: for each app origin (`app:NAME`) the SHA-256 of its token, never the
 * token (the host makes it and shows it once). A token is good only while its app has a grant:
 * revoking the app ends it at once, and connecting the app again replaces it.
 */
import type { WalletDb } from '../db/database';

const META_ID = 'localApps';

export interface AppTokenRecord {
  tokenHash: string;
  createdAt: number;
}

type AppTokenMap = Record<string, AppTokenRecord>;

export class AppTokens {
  constructor(private readonly db: WalletDb) {}

  private async all(): Promise<AppTokenMap> {
    return ((await this.db.meta.get(META_ID))?.value as AppTokenMap | undefined) ?? {};
  }

  /** The app origin whose token hashes to `tokenHash`, or null. */
  async originOf(tokenHash: string): Promise<string | null> {
    const apps = await this.all();
    for (const [origin, record] of Object.entries(apps)) if (timingSafeEqualHex(record.tokenHash, tokenHash)) return origin;
    return null;
  }

  /** `origin`'s token is now the one hashing to `tokenHash` (an earlier one stops working). */
  async set(origin: string, tokenHash: string, now: number): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const apps = await this.all();
      apps[origin] = { tokenHash, createdAt: now };
      await this.db.meta.put({ id: META_ID, value: apps });
    });
  }

  async forget(origin: string): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const apps = await this.all();
      if (!(origin in apps)) return;
      delete apps[origin];
      await this.db.meta.put({ id: META_ID, value: apps });
    });
  }
}

/** Compares two hex digests in time independent of where they differ. */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
