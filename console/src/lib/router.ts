import { useEffect, useState } from 'preact/hooks';

/** A client route: the part after `#`, split into path segments and query. */
export interface Route {
  segments: string[];
  query: URLSearchParams;
}

/** `#/dora/shop?report=2021` → segments `['dora','shop']`, query `report=2021`. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?', 2);
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

export function href(segments: (string | number)[], query?: Record<string, string | undefined>): string {
  const path = segments.map((segment) => encodeURIComponent(String(segment))).join('/');
  const params = new URLSearchParams(Object.entries(query ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(target: string): void {
  location.hash = target;
}
