/**
 * The requesting tab's favicon, for the approval window. Taken only from the browser's own report
 * of the tab (never from the page's words), only as an https: URL or an inline image, and capped,
 * so a prompt record stays small. The window draws only an inline image (components/SiteIdentity.tsx
 * says why); an https favicon still tells it that the tab had one.
 */
export const MAX_FAVICON_URL_CHARS = 16_384;

const INLINE_IMAGE = /^data:image\/(png|gif|jpeg|webp|x-icon|vnd\.microsoft\.icon|svg\+xml)(;base64)?,/i;

/** The URL if the approval data may carry it, else undefined. */
export function acceptedFavIconUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_FAVICON_URL_CHARS) return undefined;
  if (INLINE_IMAGE.test(url)) return url;
  try {
    return new URL(url).protocol === 'https:' && url.length <= 2_048 ? url : undefined;
  } catch {
    return undefined;
  }
}

/** True for an image inside the URL itself: drawing it loads nothing from anywhere. */
export function isInlineImage(url: string | null | undefined): url is string {
  return typeof url === 'string' && url.length <= MAX_FAVICON_URL_CHARS && INLINE_IMAGE.test(url);
}
