/**
 * The site settings form: its state built from a site's details, and the `grants.update` changes
 * it makes (only what differs), or the first problem, named with a message from messages.ts.
 */
import type { OverBudget, Period, Scope } from '../db/tables/grants';
import { phrase, type Phrase } from '../protocol/said';
import type { SiteDetails } from './details';
import { SCOPES } from '../protocol/scopes';
import { fillDefaults, type MediaDefaults } from '../grants/media-defaults';

export { SCOPES };
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'total'];

export interface SiteForm {
  scopes: Scope[];
  models: string[];
  /** Model → key id. */
  routes: Record<string, string>;
  defaultModel: string;
  /** The default of each media scope as picked; {@link shownDefaults} is what applies. */
  defaults: MediaDefaults;
  budgetUsd: string;
  period: Period;
  rateLimitPerMin: string;
  /** `YYYY-MM-DDTHH:mm` in local time (an `<input type="datetime-local">`), or '' for none. */
  expires: string;
  overBudget: OverBudget | 'wallet';
  /** The site's own fallback order between keys, or the wallet's. */
  keyFallback: string[] | 'wallet';
}

/** The `grants.update` params a form may send (besides `origin`). */
export interface SiteChanges {
  scopes?: Scope[];
  models?: string[];
  routes?: Record<string, string>;
  defaultModel?: string;
  defaults?: MediaDefaults;
  budget?: { usd: number; period: Period };
  rateLimitPerMin?: number;
  expiresAt?: number | null;
  overBudget?: OverBudget | null;
  keyFallback?: string[] | null;
}

/** The changes, or the first problem: its English text and its name (lib/ui/error-text.ts says it in the person's language). */
export type FormResult = { ok: true; changes: SiteChanges } | { ok: false; error: Phrase };

const pad = (n: number) => String(n).padStart(2, '0');

/** `at` as a datetime-local value, in local time. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as milliseconds, or NaN when it is not one. */
export function fromLocalInput(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  // Reject rollovers such as February 31st.
  return date.getMonth() === mo - 1 && date.getDate() === d ? date.getTime() : Number.NaN;
}

export function formFromDetails(details: SiteDetails): SiteForm {
  const { grant } = details;
  return {
    scopes: [...grant.scopes],
    models: [...grant.models],
    routes: { ...details.routes },
    defaultModel: grant.defaultModel,
    defaults: { ...details.defaults },
    budgetUsd: String(grant.budget.usd),
    period: grant.budget.period,
    rateLimitPerMin: String(grant.rateLimitPerMin),
    expires: grant.expiresAt === undefined ? '' : toLocalInput(grant.expiresAt),
    overBudget: details.overBudget ?? 'wallet',
    keyFallback: details.keyFallback ?? 'wallet',
  };
}

/** Toggles `model` in the form; a newly allowed model is served by the first key that offers it. */
export function toggleModel(form: SiteForm, details: SiteDetails, model: string): SiteForm {
  if (form.models.includes(model)) {
    const models = form.models.filter((m) => m !== model);
    const { [model]: _dropped, ...routes } = form.routes;
    return { ...form, models, routes, defaultModel: models.includes(form.defaultModel) ? form.defaultModel : (models[0] ?? '') };
  }
  const keyId = form.routes[model] || details.choices.find((c) => c.model === model)?.keys[0]?.id || '';
  return { ...form, models: [...form.models, model], routes: { ...form.routes, [model]: keyId }, defaultModel: form.defaultModel || model };
}

/** The media defaults the form would give: each picked one while it is still allowed, else the first choice (lib/grants/media-defaults.ts). */
export function shownDefaults(form: SiteForm): MediaDefaults {
  return fillDefaults(form.scopes, form.models, form.defaults);
}

const sameDefaults = (a: MediaDefaults, b: MediaDefaults) => SCOPES.every((s) => (a as Record<string, string | undefined>)[s] === (b as Record<string, string | undefined>)[s]);

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** What the form changes against `details`, validated; `now` bounds the expiry. */
export function changesFromForm(form: SiteForm, details: SiteDetails, now: number): FormResult {
  const { grant } = details;
  if (form.scopes.length === 0) return { ok: false, error: phrase('siteNoScopes') };
  if (form.models.length === 0) return { ok: false, error: phrase('siteNoModels') };
  const usd = Number(form.budgetUsd);
  if (form.budgetUsd.trim() === '' || !Number.isFinite(usd) || usd < 0 || usd > 1_000_000) return { ok: false, error: phrase('siteBudgetInvalid') };
  const rate = Number(form.rateLimitPerMin);
  if (!Number.isInteger(rate) || rate < 1 || rate > 10_000) return { ok: false, error: phrase('siteRateInvalid') };
  let expiresAt: number | null = null;
  if (form.expires !== '') {
    expiresAt = fromLocalInput(form.expires);
    if (Number.isNaN(expiresAt)) return { ok: false, error: phrase('siteExpiryInvalid') };
  }
  const changes: SiteChanges = {};
  if (!sameSet(form.scopes, grant.scopes)) changes.scopes = SCOPES.filter((s) => form.scopes.includes(s));
  if (!sameSet(form.models, grant.models)) changes.models = [...form.models];
  const routes = Object.fromEntries(form.models.filter((m) => form.routes[m] && form.routes[m] !== details.routes[m]).map((m) => [m, form.routes[m] as string]));
  if (Object.keys(routes).length) changes.routes = routes;
  const defaultModel = form.models.includes(form.defaultModel) ? form.defaultModel : (form.models[0] as string);
  if (defaultModel !== grant.defaultModel || changes.models) changes.defaultModel = defaultModel;
  const defaults = shownDefaults(form);
  if (!sameDefaults(defaults, details.defaults)) changes.defaults = defaults;
  if (usd !== grant.budget.usd || form.period !== grant.budget.period) changes.budget = { usd, period: form.period };
  if (rate !== grant.rateLimitPerMin) changes.rateLimitPerMin = rate;
  // Compared as shown (to the minute), so an unchanged expiry is never sent back rounded.
  if (form.expires !== (grant.expiresAt === undefined ? '' : toLocalInput(grant.expiresAt))) {
    // A new expiry in the past would end the grant at once: Pause or Revoke say that better.
    if (expiresAt !== null && expiresAt <= now) return { ok: false, error: phrase('siteExpiryPast') };
    changes.expiresAt = expiresAt;
  }
  const overBudget = form.overBudget === 'wallet' ? null : form.overBudget;
  if (overBudget !== details.overBudget) changes.overBudget = overBudget;
  const keyFallback = form.keyFallback === 'wallet' ? null : form.keyFallback;
  if (JSON.stringify(keyFallback) !== JSON.stringify(details.keyFallback)) changes.keyFallback = keyFallback;
  return { ok: true, changes };
}
