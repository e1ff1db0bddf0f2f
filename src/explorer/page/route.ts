import { isIsoDate, todayUtc } from './dates';

/** What the address bar names: one of the explorer's views. */
export type View =
  | { readonly kind: 'home' }
  | { readonly kind: 'franchise'; readonly slug: string }
  | { readonly kind: 'film'; readonly slug: string }
  | { readonly kind: 'person'; readonly slug: string }
  | { readonly kind: 'missing' };

export interface Place {
  readonly view: View;
  /** The `?asOf=` of the address, or null: then the page shows today. */
  readonly asOf: string | null;
}

const SEGMENT_VIEWS = { franchises: 'franchise', films: 'film', people: 'person' } as const;

export function parsePlace(pathname: string, search: string): Place {
  const param = new URLSearchParams(search).get('asOf');
  // A day after today would ask the API about the future, which it refuses: show today instead.
  const asOf = param !== null && isIsoDate(param) && param <= todayUtc() ? param : null;
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts[0] !== 'explore') return { view: { kind: 'missing' }, asOf };
  if (parts.length === 1) return { view: { kind: 'home' }, asOf };
  const kind = SEGMENT_VIEWS[parts[1] as keyof typeof SEGMENT_VIEWS];
  if (kind && parts.length === 3 && parts[2])
    return { view: { kind, slug: decodeURIComponent(parts[2]) }, asOf };
  return { view: { kind: 'missing' }, asOf };
}

const VIEW_SEGMENTS = { franchise: 'franchises', film: 'films', person: 'people' } as const;

/** The address of a view on a day (null: today, no `asOf` in the address). */
export function hrefFor(view: View, asOf: string | null): string {
  const path =
    view.kind === 'franchise' || view.kind === 'film' || view.kind === 'person'
      ? `/explore/${VIEW_SEGMENTS[view.kind]}/${encodeURIComponent(view.slug)}`
      : '/explore';
  return asOf ? `${path}?asOf=${asOf}` : path;
}
