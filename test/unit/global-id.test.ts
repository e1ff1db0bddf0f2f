import { localIdOf, parseGlobalId, toGlobalId } from '../../src/graphql/relay/global-id';

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('toGlobalId', () => {
  test('is the base64url of "Type:localId"', () => {
    expect(toGlobalId('Film', 12)).toBe(encode('Film:12'));
  });
});

describe('parseGlobalId', () => {
  test('reads back the type and local id of a global id', () => {
    expect(parseGlobalId(toGlobalId('AttachmentEvent', 9007199254740991))).toEqual({
      type: 'AttachmentEvent',
      id: 9007199254740991,
    });
  });

  test('accepts an id of 200 characters and refuses a longer one', () => {
    const longest = encode(`${'F'.repeat(148)}:1`);
    expect(longest).toHaveLength(200);
    expect(parseGlobalId(longest)).toEqual({ type: 'F'.repeat(148), id: 1 });
    const tooLong = encode(`${'F'.repeat(149)}:1`);
    expect(tooLong).toHaveLength(202);
    expect(parseGlobalId(tooLong)).toBeNull();
  });

  test.each([
    ['a number', 42],
    ['null', null],
    ['the empty string', ''],
    ['padded base64', `${encode('Film:1')}=`],
    ['standard base64 with "+" or "/"', '+/+/'],
    ['text around a valid id', ` ${encode('Film:1')}`],
    ['a lower-case type', encode('film:1')],
    ['a type with a digit', encode('Film2:1')],
    ['a zero id', encode('Film:0')],
    ['a leading zero', encode('Film:01')],
    ['a negative id', encode('Film:-1')],
    ['no type', encode(':1')],
    ['no id', encode('Film:')],
    ['no colon', encode('Film1')],
    ['text before the type', encode('xFilm:1')],
    ['text after the id', encode('Film:1x')],
    ['17 digits', encode('Film:12345678901234567')],
    ['an id beyond the safe integers', encode('Film:9007199254740993')],
  ])('returns null for %s', (_, value) => {
    expect(parseGlobalId(value as string)).toBeNull();
  });

  test('accepts 16 digits when they are a safe integer', () => {
    expect(parseGlobalId(encode('Film:1234567890123456'))).toEqual({
      type: 'Film',
      id: 1234567890123456,
    });
  });
});

describe('localIdOf', () => {
  test('returns the local id of an id of the expected type', () => {
    expect(localIdOf('Person', toGlobalId('Person', 7), 'personId')).toBe(7);
  });

  test('reports a malformed id against the argument', () => {
    expect(() => localIdOf('Person', 'nope!', 'personId')).toThrow(
      expect.objectContaining({
        message: '"personId" is not a valid id.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'personId' }),
      }),
    );
  });

  test('reports an id of another type against the argument, naming both types', () => {
    expect(() => localIdOf('Person', toGlobalId('Film', 7), 'personId')).toThrow(
      expect.objectContaining({
        message: '"personId" must be the id of a Person, got a Film id.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'personId' }),
      }),
    );
  });
});
