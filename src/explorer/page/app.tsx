import { useCallback, useEffect, useRef, useState } from 'react';
import { todayUtc } from './dates';
import { FilmView } from './film-view';
import { FranchiseView } from './franchise-view';
import { HomeView, PersonView } from './person-view';
import { hrefFor, parsePlace, type Place } from './route';
import { SearchBox } from './search-box';
import { TimeBar } from './time-bar';

function here(): Place {
  return parsePlace(window.location.pathname, window.location.search);
}

/** The explorer: header (home, search, day), then the view the address names. */
export function App() {
  const [place, setPlace] = useState(here);
  const today = todayUtc();
  const asOf = place.asOf ?? today;
  const main = useRef<HTMLElement>(null);
  const moved = useRef(false);

  const navigate = useCallback((href: string, replace = false) => {
    if (replace) window.history.replaceState(null, '', href);
    else {
      window.history.pushState(null, '', href);
      moved.current = true;
    }
    setPlace(here());
  }, []);

  useEffect(() => {
    const onPop = () => setPlace(here());
    window.addEventListener('popstate', onPop);
    // In-page links change the view without a reload; modified clicks (new tab…) stay the browser's.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
        return;
      const link = (e.target as Element).closest?.('a[data-internal]');
      if (!(link instanceof HTMLAnchorElement) && !(link instanceof SVGAElement)) return;
      e.preventDefault();
      navigate(link.getAttribute('href') ?? '/explore');
    };
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, [navigate]);

  // After following a link, move focus to the new view's heading (screen readers announce it).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const timer = setTimeout(() => main.current?.querySelector<HTMLElement>('h1')?.focus(), 50);
    return () => clearTimeout(timer);
  }, [place.view]);

  const setAsOf = useCallback(
    (date: string) => navigate(hrefFor(here().view, date), true),
    [navigate],
  );

  const { view } = place;
  const props = { asOf, dateInUrl: place.asOf };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">
          <a href={hrefFor({ kind: 'home' }, place.asOf)} data-internal="">
            franchise-graph <span>explorer</span>
          </a>
        </p>
        <SearchBox asOf={asOf} dateInUrl={place.asOf} onNavigate={navigate} />
        <TimeBar asOf={asOf} today={today} onChange={setAsOf} />
      </header>
      <main id="main" ref={main}>
        {view.kind === 'home' && <HomeView dateInUrl={place.asOf} />}
        {view.kind === 'franchise' && <FranchiseView key={view.slug} slug={view.slug} {...props} />}
        {view.kind === 'film' && <FilmView key={view.slug} slug={view.slug} {...props} />}
        {view.kind === 'person' && <PersonView key={view.slug} slug={view.slug} {...props} />}
        {view.kind === 'missing' && (
          <section>
            <h1 tabIndex={-1}>Nothing here</h1>
            <p>
              <a href="/explore" data-internal="">
                Start from the list of franchises
              </a>
            </p>
          </section>
        )}
      </main>
      <footer className="bottom">
        <p>
          Read from this server’s public GraphQL API. Write your own queries in{' '}
          <a href="/graphql">GraphiQL</a>.
        </p>
      </footer>
    </>
  );
}
