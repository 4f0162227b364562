import { ResolvedWebhookOptions } from '../webhook-options';
import { API_KEYS_PATH, MountSide, PLUGIN_PATH } from './webhook-request';

export interface Mount {
  prefix: string;
  side: MountSide;
}

export interface MountMatch {
  mount: Mount;
  /** The URL below the mount, query string kept: the path the controllers declare. */
  routedUrl: string;
}

/** Every configured mount, longest prefix first. */
export function buildMountTable(options: ResolvedWebhookOptions): Mount[] {
  const mounts: Mount[] = [
    ...options.apiKeyMounts.map((prefix) => ({ prefix, side: 'apiKey' as const })),
    ...options.adminMounts.map((prefix) => ({ prefix, side: 'admin' as const })),
  ];
  return mounts.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** The mount serving `url` when it names a library path below it. */
export function matchMount(mounts: Mount[], url: string): MountMatch | undefined {
  const [pathname, query] = splitQuery(url);
  for (const mount of mounts) {
    const rest = stripPrefix(pathname, mount.prefix);
    if (rest !== undefined && isLibraryPath(rest)) return { mount, routedUrl: rest + query };
  }
  return undefined;
}

function splitQuery(url: string): [string, string] {
  const index = url.indexOf('?');
  return index < 0 ? [url, ''] : [url.slice(0, index), url.slice(index)];
}

function stripPrefix(pathname: string, prefix: string): string | undefined {
  if (!prefix) return pathname;
  if (pathname === prefix) return '';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

function isLibraryPath(path: string): boolean {
  return [PLUGIN_PATH, API_KEYS_PATH].some((owned) => path === owned || path.startsWith(`${owned}/`));
}
