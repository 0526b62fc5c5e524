// Number formats in German.
const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** "115 KB", "1,2 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(Math.round(bytes / 1024))} KB`;
  return `${numberFormat.format(bytes / (1024 * 1024))} MB`;
}
