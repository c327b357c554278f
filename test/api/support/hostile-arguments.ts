// Argument lists for server actions that no page of ours sends, derived from a valid call's arguments: each
// argument, and each field of an object argument, replaced by a Prisma filter, an array of real ids, a number
// or null; arguments missing and extra. The server must refuse every one without running the action.

/** Values no field of our forms may hold (each is a string or a boolean). */
export function hostileFieldValues(ids: string[]): [string, unknown][] {
  return [
    ['{"not": "x"}', { not: "x" }],
    ['{"in": [real ids]}', { in: ids }],
    ['{"contains": ""}', { contains: "" }],
    ['{"equals": a real id}', { equals: ids[0] }],
    ["[a real id]", [ids[0]]],
    ["[real ids]", ids],
    ["1", 1],
    ["-1", -1],
    ["null", null],
  ];
}

/** Values no whole argument may be: a boolean or "" can be a valid field, never an action's argument. */
function hostileArgumentValues(ids: string[]): [string, unknown][] {
  return [...hostileFieldValues(ids), ["0", 0], ["true", true], ["false", false], ['""', ""]];
}

export type Variation = { label: string; args: unknown[] };

/** The valid call's arguments, each argument and each field of each replaced in turn, some missing, extras. */
export function hostileVariations(valid: unknown[], ids: string[]): Variation[] {
  const out: Variation[] = [];
  valid.forEach((arg, at) => {
    for (const [label, value] of hostileArgumentValues(ids)) {
      out.push({ label: `argument ${at} = ${label}`, args: replaced(valid, at, value) });
    }
    if (isPlainObject(arg)) {
      for (const field of Object.keys(arg)) {
        for (const [label, value] of hostileFieldValues(ids)) {
          out.push({
            label: `argument ${at}.${field} = ${label}`,
            args: replaced(valid, at, { ...arg, [field]: value }),
          });
        }
      }
    }
    out.push({ label: `only the first ${at} arguments`, args: valid.slice(0, at) });
  });
  out.push({ label: "an extra argument", args: [...valid, ids[0]] });
  out.push({ label: "an extra filter argument", args: [...valid, { not: "x" }] });
  return out;
}

function replaced(args: unknown[], at: number, value: unknown): unknown[] {
  return args.map((arg, i) => (i === at ? value : arg));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Bodies no page of ours sends, as [label, body, content type]: not a JSON array, React references to parts
 * that are not there ("$Q1" a Map, "$F1" a server reference, "$@1" a promise…), nesting deeper than any form.
 */
export const MALFORMED_BODIES: [string, string, string][] = [
  ...['{"0": "x"}', '"x"', "null", "{}", "1", "true", "not json", ""].map((body): [string, string, string] => [
    `the body ${body || "(empty)"}`,
    body,
    "text/plain;charset=UTF-8",
  ]),
  ...["$Q1", "$F1", "$h1", "$B1", "$@1", "$K1", "$T", "$D2020", "$n1"].map((ref): [string, string, string] => [
    `a ${ref} reference`,
    JSON.stringify([ref]),
    "text/plain;charset=UTF-8",
  ]),
  ["a reference inside an object", JSON.stringify([{ lifetimeDays: "$@1" }]), "text/plain;charset=UTF-8"],
  ["nesting 100,000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "text/plain;charset=UTF-8"],
  [
    "a multipart body",
    '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n["x"]\r\n--x--\r\n',
    "multipart/form-data; boundary=x",
  ],
  ["a malformed multipart body", "x", "multipart/form-data; boundary=x"],
  ["a JSON body", '["x"]', "application/json"],
];
