import { preferredMediaType } from '../../src/http/accept';

const OFFERED = ['application/json', 'application/graphql-response+json', 'text/html'];

test.each([
  ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
  ['*/*', 'application/json'],
  ['application/json, text/html', 'application/json'],
  ['text/html, application/json', 'text/html'],
  ['text/*;q=0.5, application/json;q=0.4', 'text/html'],
  [
    'application/graphql-response+json, application/json;q=0.9',
    'application/graphql-response+json',
  ],
  ['text/html;q=0, */*', 'application/json'],
  ['image/png', undefined],
  ['', undefined],
])('Accept %p prefers %p', (accept, expected) => {
  expect(preferredMediaType(accept, OFFERED)).toBe(expected);
});
