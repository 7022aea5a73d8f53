/** Singleton records: the vault header, the settings, and local apps' token hashes (lib/apps). */
export const metaV1 = 'id';

export interface MetaRecord<T = unknown> {
  id: 'vault' | 'settings' | 'attempts' | 'localApps';
  value: T;
}
