import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'ccg_session';

/** Sets and clears the session cookie on the current response. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export function sessionCookieFor(res: Response, secure: boolean): SessionCookie {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    set: (token, expiresAt) => res.cookie(SESSION_COOKIE, token, { ...base, expires: expiresAt }),
    clear: () => res.clearCookie(SESSION_COOKIE, base),
  };
}

/**
 * Reads the session token from the Cookie header (no cookie-parser dependency needed). A value that is not a
 * token, malformed percent-encoding (`ccg_session=%ZZ`) included, reads as signed out, never as an error.
 */
export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = decodeCookieValue(rest.join('='));
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

function decodeCookieValue(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
