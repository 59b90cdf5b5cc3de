/** `npm run schema`: writes config/schema.json from the zod schema. */
import { writeFileSync } from "node:fs";
import { environmentJsonSchema, SCHEMA_FILE } from "../config/json-schema";

writeFileSync(SCHEMA_FILE, environmentJsonSchema());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
