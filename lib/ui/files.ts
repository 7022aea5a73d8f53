/** Saving and reading files from an extension page (the backup). */

/** Offers `text` as a download named `filename` (the browser's own download flow). */
export function saveTextFile(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; keep it alive briefly for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The text of a file the person chose. */
export function readFileText(file: Blob): Promise<string> {
  return file.text();
}
