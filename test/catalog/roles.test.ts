import { resolveRole } from "../../catalog/roles";

describe("built-in roles", () => {
  const FOUNDRY_USER = "53ca6127-db72-4b80-b1b0-d745d6d5456d";

  it("know Foundry User by its current name and by the name it had before Microsoft renamed it", () => {
    expect(resolveRole("Foundry User")).toMatchObject({
      id: FOUNDRY_USER,
      name: "Foundry User",
      known: true,
    });
    expect(resolveRole("azure ai user")).toMatchObject({
      id: FOUNDRY_USER,
      name: "Foundry User",
      known: true,
    });
  });

  it("keep Terraform addresses when a role is renamed: the label is the name as written, or the first name", () => {
    expect(resolveRole("Azure AI User")!.label).not.toBe(resolveRole("Foundry User")!.label);
    expect(resolveRole(FOUNDRY_USER)!.label).toBe(resolveRole("Azure AI User")!.label);
  });

  it("resolve intents, names and unknown GUIDs as before", () => {
    expect(resolveRole("inference")).toMatchObject({
      id: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
      label: "inference",
    });
    expect(resolveRole("Monitoring Reader")?.known).toBe(true);
    expect(resolveRole("00000000-0000-4000-8000-000000000001")).toMatchObject({ known: false });
    expect(resolveRole("Not A Role")).toBeUndefined();
  });
});
