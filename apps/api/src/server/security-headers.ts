import type { Express } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config';

/**
 * The Content-Security-Policy of every response (docs/decisions/0017-security-headers.md): the app's own origin
 * only, no inline script or style element, nothing may frame it. `data:` images and fonts are the NHS.UK
 * stylesheet's icons; styles set from script (React's `style`) are not inline styles to CSP.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** HSTS max-age when COOKIE_SECURE is on: one year. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Browser security headers on every response, first of all (helmet): CSP, nosniff, X-Frame-Options DENY,
 * Referrer-Policy same-origin, and HSTS only when the app is served over HTTPS (COOKIE_SECURE on), since
 * HSTS on plain HTTP would lock a local install out of itself.
 */
export function installSecurityHeaders(app: Express, config: Pick<AppConfig, 'cookieSecure'>): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...CONTENT_SECURITY_POLICY, ...(config.cookieSecure ? { 'upgrade-insecure-requests': [] } : {}) },
      },
      xContentTypeOptions: true,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: config.cookieSecure ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    }),
  );
}
