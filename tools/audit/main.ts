/** Entry point of `npm run audit`; see command.ts. */
import { auditCommand } from "./command";

process.exitCode = auditCommand(process.argv.slice(2));
