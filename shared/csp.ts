/**
 * The Content-Security-Policy of the app. Scripts and workers stay on the app's own origin;
 * connections too, but for the county's sync server, whose http(s) address the office sets under
 * Settings (issue 20, docs/architecture.md#the-connection); Mantine injects its CSS variables as inline styles, so styles allow 'unsafe-inline'.
 * Main sends it as a header on every app:// response and the build writes it into index.html, so
 * the browser preview runs under the same policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
