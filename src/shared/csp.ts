// The Content-Security-Policy of the app's page, the same in the desktop shell and the web host. Mantine writes
// inline style attributes, hence 'unsafe-inline' for styles only; nothing remote is ever loaded.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** frame-ancestors only works as an HTTP header (a <meta> copy is ignored, with a console error). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
