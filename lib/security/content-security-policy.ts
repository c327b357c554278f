// The pages' Content-Security-Policy. Scripts run only with this response's nonce (Next.js puts it on its own
// scripts when it renders); 'strict-dynamic' lets those scripts load the app's chunks. Styles need
// 'unsafe-inline': React's style={...} attributes and the API reference (Scalar) insert inline styles, and a
// nonce cannot cover style attributes. Nothing may come from another origin, and no one may frame a page.
export function pageContentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // React uses eval only in development, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh one for every page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
