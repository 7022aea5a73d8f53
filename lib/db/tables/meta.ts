/** Singleton records: the vault header and the settings. */
export const metaV1 = 'id';

export interface MetaRecord<T = unknown> {
  id: 'vault' | 'settings' | 'attempts';
  value: T;
}
