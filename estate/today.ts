/** The day model lifecycles are judged on: $AOAI_TODAY (YYYY-MM-DD, for reproducible runs), else today in UTC. */
export function today(variables: NodeJS.ProcessEnv = process.env): string {
  return variables.AOAI_TODAY ?? new Date().toISOString().slice(0, 10);
}
