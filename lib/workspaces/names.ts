// Workspace names and the host names they live at (WORKSPACE_DOMAIN=tessera.example.com: acme.tessera.example.com
// is workspace acme). Pure functions: the request's workspace is resolved in ./request-workspace.ts.

/** The workspace every deployment has: its data before there were several, and the bare domain's. */
export const DEFAULT_WORKSPACE = { id: "default", name: "default" } as const;

const NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;
// Host names a workspace may not take: they read as the service's own (www, api) or are the default's.
const RESERVED = new Set(["www", "api", DEFAULT_WORKSPACE.name]);

/**
 * Why a name cannot be a new workspace's, or null when it can: lower-case letters, digits and hyphens, 2 to 40
 * characters, starting and ending with a letter or digit (it is one label of a host name), and not reserved.
 */
export function workspaceNameProblem(name: string): string | null {
  if (!NAME.test(name)) {
    return "must be 2 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit";
  }
  if (RESERVED.has(name)) return `is reserved (www, api and default cannot be workspace names)`;
  return null;
}

/**
 * The workspace name a host names under the domain: the bare domain and default.<domain> are the default
 * workspace's, <name>.<domain> is <name>'s. null for any other host (another domain, a deeper label, a malformed
 * value): nobody's workspace. A port and a trailing dot are ignored; host names are case-insensitive.
 */
export function workspaceNameOfHost(host: string | null, domain: string): string | null {
  if (!host) return null;
  const name = hostName(host);
  if (name === null) return null;
  const base = domain.toLowerCase().replace(/\.$/, "");
  if (name === base) return DEFAULT_WORKSPACE.name;
  if (!name.endsWith(`.${base}`)) return null;
  const label = name.slice(0, -base.length - 1);
  if (label === DEFAULT_WORKSPACE.name) return label;
  return NAME.test(label) ? label : null;
}

// The host without its port, lower-case and without a trailing dot; null for an IPv6 literal or a malformed value.
function hostName(host: string): string | null {
  const value = host.trim().toLowerCase();
  if (value.startsWith("[")) return null;
  const name = value.replace(/:\d*$/, "").replace(/\.$/, "");
  return /^[a-z0-9.-]+$/.test(name) ? name : null;
}
