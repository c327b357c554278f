// How the start-up scripts stop on a bad setting or an unusable database: one line that says what to fix,
// without a stack trace.
import { ConfigError, env, type Env } from "@/lib/env";

/** One problem on the line; several (a ConfigError names every bad variable), one per line below it. */
export function cannotStart(message: string): never {
  const problems = message.split("\n");
  const text = problems.length === 1 ? ` ${message}` : problems.map((problem) => `\n  ${problem}`).join("");
  console.error(`\nTessera cannot start:${text}\n`);
  process.exit(1);
}

/** Runs a step that reads the settings; a bad one (a ConfigError) stops the script, naming the variable. */
export function checked<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ConfigError) cannotStart(error.message);
    throw error;
  }
}

/** This process's settings (lib/env.ts), or a stop naming every variable to fix. */
export function settingsOrStop(): Env {
  return checked(env);
}
