// The pages' only way to the data: the API on this origin, with the key signed in with (kept in
// sessionStorage, sent as a header, never in a URL). GETs remember their ETag, so polling an
// unchanged report is a 304 that costs the server nothing.
import { english } from './i18n.js';

const KEY = 'dealpipeline.key';
const ME = 'dealpipeline.me';
const remembered = new Map();

export const session = {
  key: () => sessionStorage.getItem(KEY),
  me: () => JSON.parse(sessionStorage.getItem(ME) ?? 'null'),
  save(key, me) { sessionStorage.setItem(KEY, key); sessionStorage.setItem(ME, JSON.stringify(me)); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(ME); remembered.clear(); },
};

export class ApiError extends Error {
  constructor(status, problem) { super(problem?.detail ?? `HTTP ${status}`); this.status = status; this.problem = problem; }
}

export async function api(path, { method = 'GET', body, ifMatch, key = session.key() } = {}) {
  const headers = { 'X-Api-Key': key ?? '', Accept: 'application/json', 'Accept-Language': english ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  const known = method === 'GET' ? remembered.get(path) : undefined;
  if (known) headers['If-None-Match'] = known.etag;
  const response = await fetch('/api/v1' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  if (response.status === 304 && known) return known.data;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  const etag = response.headers.get('ETag');
  if (method === 'GET' && etag) remembered.set(path, { etag, data });
  return data;
}

/** Every item of a list, following its next links. */
export async function all(path) {
  const items = [];
  for (let next = path; next;) {
    const page = await api(next);
    items.push(...page.items);
    next = page.next ? new URL(page.next, location.origin).href.replace(location.origin + '/api/v1', '') : null;
  }
  return items;
}

/** The signed-in user, or back to the sign-in page. */
export function requireSignIn() {
  const me = session.me();
  if (!session.key() || !me) { location.replace('/'); throw new Error('not signed in'); }
  return me;
}

// Amounts as offices write them: 万元 below 1 亿, 亿元 above, two decimals.
export function money(yuan) {
  const n = Number(yuan ?? 0);
  if (english) return n >= 1e8 ? `${(n / 1e8).toFixed(2)} 100M CNY` : `${(n / 1e4).toFixed(2)} 10k CNY`;
  return Math.abs(n) >= 1e8 ? `${(n / 1e8).toFixed(2)} 亿元` : `${(n / 1e4).toFixed(2)} 万元`;
}
export const yi = yuan => (english ? `${(Number(yuan ?? 0) / 1e8).toFixed(2)} 100M CNY` : `${(Number(yuan ?? 0) / 1e8).toFixed(2)} 亿元`);

/** Today in China Standard Time, YYYY-MM-DD. */
export function todayCst() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  return node;
}

/** The page header: title, links, who is signed in, sign-out. */
export function header(title, me, t, roleName) {
  const bar = el('header', { class: 'bar' },
    el('h1', {}, title),
    el('a', { href: '/cockpit/' }, t('cockpit')),
    el('a', { href: '/board/' }, t('board')),
    el('a', { href: '/imports/' }, t('imports')),
    el('span', { id: 'who' }, `${t('signedInAs')}：${me.name}（${roleName(me.role)}）`),
    el('button', { class: 'link', id: 'sign-out', onclick: () => { session.clear(); location.replace('/'); } }, t('signOut')));
  document.body.prepend(bar);
}
