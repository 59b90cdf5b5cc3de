/** Entry point of `npm run validate`; see command.ts. */
import { validateCommand } from "./command";

process.exitCode = validateCommand(process.argv.slice(2));
