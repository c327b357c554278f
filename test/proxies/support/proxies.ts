// Debian's nginx and Caddy, started as the test's own processes (in a folder of their own, on a port of their
// own) with the configuration docs/proxies.md documents.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { documentedConfig, documentedWorkspaceLine, withAddresses, type Addresses } from "./docs";

export type ProxyName = "nginx" | "caddy";
export type RunningProxy = { name: ProxyName; port: number; stop(): Promise<void> };

/** The binary of each proxy, or null when it is not installed. */
export function proxyBinary(name: ProxyName): string | null {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  return found || null;
}

/** With `workspaceHost`, the check names that workspace as docs/proxies.md says (several workspaces). */
type ProxyOptions = Addresses & { workspaceHost?: string };

export async function startProxy(name: ProxyName, addresses: ProxyOptions): Promise<RunningProxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tessera-${name}-`));
  const child = name === "nginx" ? startNginx(dir, addresses) : startCaddy(dir, addresses);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  await waitForPort(addresses.proxyPort, child, () => output);
  return { name, port: addresses.proxyPort, stop: () => stop(child) };
}

function startNginx(dir: string, addresses: ProxyOptions): ChildProcess {
  let site = withAddresses(documentedConfig("nginx"), addresses).replace(
    /listen 80;/,
    `listen 127.0.0.1:${addresses.proxyPort};`,
  );
  if (addresses.workspaceHost) {
    const check = "proxy_pass http://tessera/v4/auth/verify;";
    site = site.replace(check, `${check}\n        ${documentedWorkspaceLine("nginx", addresses.workspaceHost)}`);
  }
  const temp = (kind: string) => {
    const folder = path.join(dir, kind);
    mkdirSync(folder, { mode: 0o777 });
    return folder;
  };
  const main = `
    worker_processes 1;
    pid ${dir}/nginx.pid;
    error_log ${dir}/error.log warn;
    events { worker_connections 512; }
    http {
      access_log off;
      client_body_temp_path ${temp("body")};
      proxy_temp_path ${temp("proxy")};
      fastcgi_temp_path ${temp("fastcgi")};
      uwsgi_temp_path ${temp("uwsgi")};
      scgi_temp_path ${temp("scgi")};
      ${site}
    }`;
  writeFileSync(path.join(dir, "nginx.conf"), main);
  return spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function startCaddy(dir: string, addresses: ProxyOptions): ChildProcess {
  let site = withAddresses(documentedConfig("caddyfile"), addresses).replace(
    /^api\.example\.com \{/m,
    `http://api.example.com:${addresses.proxyPort} {`,
  );
  if (addresses.workspaceHost) {
    const check = "uri /v4/auth/verify";
    site = site.replace(check, `${check}\n\t\t${documentedWorkspaceLine("caddyfile", addresses.workspaceHost)}`);
  }
  const global = `{\n\tadmin off\n\tauto_https off\n\tdefault_bind 127.0.0.1\n}\n`;
  const file = path.join(dir, "Caddyfile");
  writeFileSync(file, global + site);
  return spawn("caddy", ["run", "--config", file, "--adapter", "caddyfile"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The proxy exited early:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`The proxy did not listen on ${port}:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => (clearTimeout(timer), resolve()));
    child.kill("SIGTERM");
  });
}
