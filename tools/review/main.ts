/** Entry point of `npm run review`; see command.ts. */
import { reviewCommand } from "./command";

process.exitCode = reviewCommand(process.argv.slice(2));
