import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_QUERY } from '../queries';
import { runQuery } from './graphql';
import { hrefFor, type View } from './route';
import type { SearchAnswer, SearchHit } from './types';

const KIND_WORDS = { Film: 'film', Person: 'person', Franchise: 'franchise' } as const;

function viewOf(hit: SearchHit): { view: View; name: string; kind: string } | undefined {
  switch (hit.__typename) {
    case 'Film':
      return { view: { kind: 'film', slug: hit.slug }, name: hit.title, kind: KIND_WORDS.Film };
    case 'Person':
      return { view: { kind: 'person', slug: hit.slug }, name: hit.name, kind: KIND_WORDS.Person };
    case 'Franchise':
      return {
        view: { kind: 'franchise', slug: hit.slug },
        name: hit.name,
        kind: KIND_WORDS.Franchise,
      };
    default:
      return undefined;
  }
}

/** Search films, people and franchises as you type; results are links (arrow keys move). */
export function SearchBox({
  asOf,
  dateInUrl,
  onNavigate,
}: {
  /** The day shown: films are named by their title on that day. */
  asOf: string;
  dateInUrl: string | null;
  onNavigate: (href: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<ReturnType<typeof viewOf>[] | null>(null);
  // The results close when focus leaves the search box (a click elsewhere, Tab past the last link).
  const [open, setOpen] = useState(true);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length < 2) {
      setHits(null);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      runQuery<SearchAnswer>(SEARCH_QUERY, { text: trimmed, asOf }, controller.signal).then(
        (data) => setHits(data.search.edges.map((edge) => viewOf(edge.node)).filter(Boolean)),
        () => undefined,
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, asOf]);

  const links = () => [...(list.current?.querySelectorAll('a') ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setText('');
      document.getElementById(`${id}-input`)?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = links();
    if (all.length === 0) return;
    e.preventDefault();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) document.getElementById(`${id}-input`)?.focus();
    else all[Math.min(next, all.length - 1)].focus();
  };

  return (
    <form
      role="search"
      className="search"
      onSubmit={(e) => {
        e.preventDefault();
        const first = hits?.[0];
        if (first) {
          setText('');
          onNavigate(hrefFor(first.view, dateInUrl));
        }
      }}
      onKeyDown={onKeyDown}
      onFocus={() => setOpen(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-input`}>Search</label>
      <input
        id={`${id}-input`}
        type="search"
        value={text}
        placeholder="Film, person or franchise"
        autoComplete="off"
        aria-describedby={`${id}-status`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {hits === null ? '' : `${hits.length} results`}
      </p>
      {hits !== null && open && (
        <ul className="search-results" ref={list} aria-label="Search results">
          {hits.length === 0 && <li className="note">Nothing found</li>}
          {hits.map(
            (hit) =>
              hit && (
                <li key={`${hit.view.kind}:${hrefFor(hit.view, null)}`}>
                  <a
                    href={hrefFor(hit.view, dateInUrl)}
                    data-internal=""
                    onClick={() => setText('')}
                  >
                    {hit.name} <span className="note">{hit.kind}</span>
                  </a>
                </li>
              ),
          )}
        </ul>
      )}
    </form>
  );
}
