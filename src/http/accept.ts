/** One media range of an Accept header. */
interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  /** Its position in the header: the client's order breaks ties. */
  readonly order: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(',').forEach((part, order) => {
    const [range, ...parameters] = part.split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return;
    let q = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=');
      if (name.trim().toLowerCase() === 'q') q = Number(value);
    }
    if (Number.isFinite(q)) ranges.push({ type, subtype, q, order });
  });
  return ranges;
}

/**
 * Which of `offered` (media types, in the server's order of preference) the Accept header prefers, as
 * content negotiation (the `negotiator` package) decides: the highest q of the most specific range
 * that matches each type, then the client's order, then the server's. `undefined` when none is accepted.
 */
export function preferredMediaType(header: string, offered: readonly string[]): string | undefined {
  const ranges = parseAccept(header);
  let best: { type: string; q: number; specificity: number; order: number } | undefined;
  for (const candidate of offered) {
    const [type, subtype] = candidate.split('/');
    let match: { q: number; specificity: number; order: number } | undefined;
    for (const range of ranges) {
      const specificity =
        range.type === type && range.subtype === subtype
          ? 2
          : range.type === type && range.subtype === '*'
            ? 1
            : range.type === '*' && range.subtype === '*'
              ? 0
              : -1;
      if (specificity > (match?.specificity ?? -1))
        match = { q: range.q, specificity, order: range.order };
    }
    // q=0 on the most specific range refuses the type, even when */* would accept it.
    if (
      match &&
      match.q > 0 &&
      (!best ||
        match.q > best.q ||
        (match.q === best.q && match.specificity > best.specificity) ||
        (match.q === best.q && match.specificity === best.specificity && match.order < best.order))
    )
      best = { type: candidate, ...match };
  }
  return best?.type;
}
