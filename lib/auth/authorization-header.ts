// Parses the Authorization header. Pure, so it is unit- and property-tested without a server.
export type Credentials =
  | { scheme: "none" }
  | { scheme: "bearer"; token: string }
  | { scheme: "basic"; email: string; password: string }
  | { scheme: "invalid"; reason: string };

const MAX_HEADER_LENGTH = 4096;

export function parseAuthorizationHeader(header: string | null): Credentials {
  if (header === null || header.trim() === "") return { scheme: "none" };
  if (header.length > MAX_HEADER_LENGTH) return { scheme: "invalid", reason: "The Authorization header is too long" };
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match) return { scheme: "invalid", reason: "The Authorization header must be 'Bearer <token>'" };
  const [, scheme, value] = match;
  switch (scheme.toLowerCase()) {
    case "bearer":
      return { scheme: "bearer", token: value };
    case "basic":
      return parseBasic(value);
    default:
      return { scheme: "invalid", reason: `Unsupported authorization scheme; use 'Bearer <token>'` };
  }
}

function parseBasic(value: string): Credentials {
  const invalid = { scheme: "invalid", reason: "Basic credentials must be base64(email:password)" } as const;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return invalid;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return invalid;
  return { scheme: "basic", email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
