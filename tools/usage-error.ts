/** A command line that cannot be run, said in one line, for the synth and validate commands. */
export class UsageError extends Error {}

/** node:util's parseArgs errors run on ("Unexpected argument 'x'. This command does not…"): one sentence. */
export function parseArgsProblem(error: unknown): string | undefined {
  if (!(error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) return undefined;
  const first = (error as Error).message.split(". ")[0]!;
  return first.charAt(0).toLowerCase() + first.slice(1);
}
