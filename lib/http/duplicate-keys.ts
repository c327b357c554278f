// JSON.parse keeps the last of two equal keys, while another parser (a proxy, a WAF, a log pipeline) may keep
// the first: a body such as {"lifetimeSeconds": 60, "lifetimeSeconds": -1} could mean different things to
// each. Bodies with a repeated key are refused instead.

/**
 * The first key that appears twice in one object of a valid JSON text, or null. Walks the text once with an
 * explicit stack, so deep nesting cannot overflow the call stack; keys are compared after unescaping.
 */
export function firstDuplicateKey(text: string): string | null {
  const stack: Array<Set<string> | null> = []; // one entry per open object (its keys) or array (null)
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "{") {
      stack.push(new Set());
      expectingKey = true;
    } else if (char === "[") {
      stack.push(null);
    } else if (char === "}" || char === "]") {
      stack.pop();
      expectingKey = false;
    } else if (char === ",") {
      expectingKey = stack.at(-1) != null;
    } else if (char === '"') {
      const end = endOfString(text, i);
      const keys = stack.at(-1);
      if (expectingKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    }
  }
  return null;
}

/** The index of the quote that closes the string opening at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i;
}
