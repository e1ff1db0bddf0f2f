import { SORT_KEY_CHARS, sortKeyOf } from '../../src/lib/text';

const fromHex = (key: string) => Buffer.from(key, 'hex').toString('utf8');

describe('sortKeyOf', () => {
  test('is the folded name, words separated by one space, hex-encoded', () => {
    expect(fromHex(sortKeyOf('  Fernando  León-González! '))).toBe('fernando leon gonzalez');
    expect(sortKeyOf('MCU')).toBe(Buffer.from('mcu').toString('hex'));
  });

  test('ignores case and accents: the same key for names that differ only in them', () => {
    expect(sortKeyOf('ÉMILE ZOLA')).toBe(sortKeyOf('emile zola'));
    expect(sortKeyOf('Straße')).toBe(sortKeyOf('strasse'));
  });

  test('orders names as the alphabet does, whatever their case, by plain comparison of the keys', () => {
    const names = [
      'Zed',
      'MCU Phase Three',
      'émile',
      'Marvel Cinematic Universe',
      'Eddie',
      'Édouard',
      'ab c',
      'abb',
    ];
    const sorted = [...names].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
    expect(sorted).toEqual([
      'ab c',
      'abb',
      'Eddie',
      'Édouard',
      'émile',
      'Marvel Cinematic Universe',
      'MCU Phase Three',
      'Zed',
    ]);
  });

  test('holds only hex digits, which every collation orders alike', () => {
    expect(sortKeyOf('Ω Ünïcødé · 東京 2')).toMatch(/^[0-9a-f]+$/);
  });

  test(`keeps the first ${SORT_KEY_CHARS} folded characters`, () => {
    expect(fromHex(sortKeyOf('a'.repeat(SORT_KEY_CHARS + 5)))).toBe('a'.repeat(SORT_KEY_CHARS));
  });
});
