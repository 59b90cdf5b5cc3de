import { readFileSync } from "node:fs";
import { environmentJsonSchema, SCHEMA_FILE } from "../../config/json-schema";

describe("config/schema.json", () => {
  it("is the committed output of `npm run schema` (regenerate it after changing config/schema.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(environmentJsonSchema());
  });

  it("tells editors about unknown keys, enums and defaults", () => {
    const schema = JSON.parse(environmentJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    // Nested objects refuse unknown keys too (a typo deep in a region is caught by the editor as well).
    expect(schema.properties.regions.items.additionalProperties).toBe(false);
    expect(schema.properties.regions.items.properties.deployments.items.additionalProperties).toBe(false);
    expect(schema.properties.network.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(["name", "subscriptionId", "owner", "costCenter", "regions"]),
    );
    const deployment = schema.properties.regions.items.properties.deployments.items;
    expect(deployment.properties.type.enum).toContain("DataZoneStandard");
    expect(deployment.properties.versionUpgrade.default).toBe("NoAutoUpgrade");
  });

  it.each(["dev", "prod"])("is referenced from config/environments/%s.yaml", (env) => {
    expect(readFileSync(`config/environments/${env}.yaml`, "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schema\.json$/m,
    );
  });
});
