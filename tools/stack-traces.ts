/**
 * cdktf 0.21 records a full call stack, as text, for every token it creates (tokens/private/stack-trace.js),
 * only to print it if that token later fails to resolve. On a large estate that is a quarter of the synth's
 * time (issue 12's profile: 17,000 captures). Synthesis runs with capture off; AOAI_STACK_TRACES=1 keeps it
 * on, for debugging a token error. Errors thrown inside keep their messages; the previous setting is
 * restored before anything leaves.
 */
export function withoutStackTraces<T>(run: () => T, env: NodeJS.ProcessEnv = process.env): T {
  if (env.AOAI_STACK_TRACES === "1") return run();
  const previous = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
  // cdktf raises the limit to MAX_SAFE_INTEGER around each capture; the setter keeps it at 0.
  Object.defineProperty(Error, "stackTraceLimit", { configurable: true, get: () => 0, set: () => {} });
  try {
    return run();
  } finally {
    if (previous) Object.defineProperty(Error, "stackTraceLimit", previous);
  }
}
