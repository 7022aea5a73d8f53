/** How the wallet names a site beside its exact origin: the host without "www.", and a colour for its letter. */
import { isAppOrigin, originLabel } from '../apps/app-origin';

/** "https://www.chat.example.com:8443" → "chat.example.com"; a local app by its name. */
export function siteName(origin: string): string {
  if (isAppOrigin(origin)) return originLabel(origin);
  try {
    const host = new URL(origin).hostname;
    return host.replace(/^www\./i, '') || origin;
  } catch {
    return origin;
  }
}

/** The letter drawn for a site without an inline favicon: the name's first letter or digit. */
export function siteLetter(origin: string): string {
  const match = /[\p{L}\p{N}]/u.exec(siteName(origin));
  return match ? match[0].toUpperCase() : '?';
}

/** A hue from the exact origin, so one site always gets one colour (dark enough for white text: AA). */
export function siteColour(origin: string): string {
  let hash = 0;
  for (const ch of origin) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `hsl(${hash % 360} 60% 30%)`;
}
