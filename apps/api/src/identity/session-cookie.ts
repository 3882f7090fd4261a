import type { Session } from '@majlis/domain';
import { GraphqlContext, SESSION_COOKIE } from '../graphql/graphql-context';
import type { SessionModel } from './session.model';

/**
 * A signed-in session as the API answers it. Over HTTP the browser keeps the token as an httpOnly cookie
 * too; a WebSocket has no reply to set it on.
 */
export function signedIn(session: Session, context: GraphqlContext): SessionModel {
  void context.reply?.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: context.req?.protocol === 'https',
    path: '/',
    expires: session.expiresAt,
  });
  return { token: session.token, expiresAt: session.expiresAt, user: session.person };
}
