import type { IncomingHttpHeaders } from 'node:http';
import type { Environment, Locale } from '@majlis/config';
import { message } from '@majlis/language';

const firstHeader = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const hostOf = (origin: string): string | undefined => {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * The origins whose pages may use the session cookie: MAJLIS_PUBLIC_URL's, the request's own host (the page
 * the API itself served), and MAJLIS_ALLOWED_ORIGINS (a development server such as Vite's at
 * http://localhost:5173). A request without an Origin header comes from no web page (curl, a server), so
 * the cookie cannot have been sent behind anyone's back.
 */
export function originAllowed(headers: IncomingHttpHeaders, environment: Environment): boolean {
  const origin = firstHeader(headers.origin);
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  const normalized = (() => {
    try {
      return new URL(origin).origin;
    } catch {
      return undefined;
    }
  })();
  if (normalized === undefined) return false;
  if (normalized === new URL(environment.publicUrl).origin) return true;
  if (environment.allowedOrigins.includes(normalized)) return true;
  const host = firstHeader(headers.host)?.toLowerCase();
  return host !== undefined && hostOf(normalized) === host;
}

/** Whether the request is authenticated by the session cookie alone (no bearer token in the Authorization header). */
export function cookieAuthenticated(headers: IncomingHttpHeaders, cookieName: string): boolean {
  const authorization = firstHeader(headers.authorization);
  if (authorization !== undefined && /^Bearer\s+\S+$/i.test(authorization)) return false;
  const cookie = firstHeader(headers.cookie);
  return cookie !== undefined && cookie.split(';').some((part) => part.trim().startsWith(`${cookieName}=`));
}

export function foreignOriginMessage(locale: Locale): string {
  return message(locale, 'security:foreignOrigin');
}
