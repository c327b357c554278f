import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE, workspaceNameOfHost, workspaceNameProblem } from "./names";

describe("workspaceNameProblem", () => {
  it.each(["ab", "acme", "team-7", "a1", "x".repeat(40), "0-0"])("accepts %j", (name) => {
    expect(workspaceNameProblem(name)).toBeNull();
  });

  it.each([
    ["a", "too short"],
    ["x".repeat(41), "too long"],
    ["Acme", "upper case"],
    ["-acme", "leading hyphen"],
    ["acme-", "trailing hyphen"],
    ["ac_me", "underscore"],
    ["ac.me", "a dot"],
    ["acmé", "not ASCII"],
    ["", "empty"],
    [" acme", "a space"],
  ])("refuses %j (%s)", (name) => {
    expect(workspaceNameProblem(name)).toMatch(/2 to 40 lower-case letters, digits and hyphens/);
  });

  it.each(["www", "api", "default"])("refuses the reserved %j", (name) => {
    expect(workspaceNameProblem(name)).toMatch(/reserved/);
  });
});

describe("workspaceNameOfHost", () => {
  const domain = "tessera.example.com";

  it.each([
    ["tessera.example.com", DEFAULT_WORKSPACE.name],
    ["tessera.example.com:8443", DEFAULT_WORKSPACE.name],
    ["TESSERA.Example.COM.", DEFAULT_WORKSPACE.name],
    ["default.tessera.example.com", DEFAULT_WORKSPACE.name],
    ["acme.tessera.example.com", "acme"],
    ["ACME.tessera.example.com:3000", "acme"],
    ["team-7.tessera.example.com.", "team-7"],
  ])("reads %j as %j", (host, name) => {
    expect(workspaceNameOfHost(host, domain)).toBe(name);
  });

  it.each([
    null,
    "",
    "example.com",
    "evil-tessera.example.com",
    "tessera.example.com.evil.test",
    "a.b.tessera.example.com",
    "-x.tessera.example.com",
    "x.tessera.example.com",
    "ac_me.tessera.example.com",
    "[::1]:3000",
    "127.0.0.1:3000",
    "acme.tessera.example.com/path",
    "acme.tessera.example.com@evil.test",
  ])("reads %j as no workspace", (host) => {
    expect(workspaceNameOfHost(host, domain)).toBeNull();
  });

  it("takes the domain as given, in any case and with a trailing dot", () => {
    expect(workspaceNameOfHost("acme.localhost:3000", "LOCALHOST.")).toBe("acme");
    expect(workspaceNameOfHost("localhost:3000", "localhost")).toBe(DEFAULT_WORKSPACE.name);
  });

  it("reads a reserved label as nobody's but the default's", () => {
    expect(workspaceNameOfHost("www.tessera.example.com", domain)).toBe("www");
    expect(workspaceNameOfHost("api.tessera.example.com", domain)).toBe("api");
  });
});
