/** ASCII-folds and lower-cases text: "Ciudad Ávila" → "ciudad avila". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .replace(/[đ]/gi, 'd')
    .replace(/[ł]/gi, 'l')
    .toLowerCase();
}

/** The slug of a name: lower-case kebab-case, ASCII-folded ("Captain America: The Winter Soldier"). */
export function slugify(name: string): string {
  return foldText(name)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The text a row is found by in `search` and the `…Contains` filters: folded, words separated by
 * single spaces, with a leading and trailing space so a word-start match is `LIKE '% word%'`.
 */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  const words = parts
    .filter((part): part is string => !!part)
    .map((part) =>
      foldText(part)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '');
  return ` ${words.join(' | ')} `;
}

/** How many folded characters of a name the sort key keeps; longer names that agree that far tie. */
export const SORT_KEY_CHARS = 60;

/**
 * The key a name sorts by, ignoring case and accents ("MCU Phase Three" after "Marvel Cinematic
 * Universe", "Élodie" with the e's): the folded name, words separated by one space, hex-encoded. Hex
 * digits order the same in SQLite's BINARY and every PostgreSQL collation (C or a locale's, which
 * would otherwise weigh spaces and punctuation differently), so both databases page alike.
 */
export function sortKeyOf(name: string): string {
  const folded = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, SORT_KEY_CHARS);
  return Buffer.from(folded, 'utf8').toString('hex');
}

/** The pattern for `LIKE … ESCAPE '\'` that finds `needle` anywhere in a search text. */
export function containsPattern(needle: string): string {
  const folded = foldText(needle)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
