/** Backup limits, shared by the pages and the background (no imports: pages load this). */

/** The largest backup file accepted or written, in MB (an extension message carries at most 64 MiB). */
export const MAX_BACKUP_MB = 48;
export const MAX_BACKUP_CHARS = MAX_BACKUP_MB * 1024 * 1024;

/** How an import treats a wallet that already has data. */
export type ImportMode = 'merge' | 'replace';
export const IMPORT_MODES = ['merge', 'replace'] as const satisfies readonly ImportMode[];
