/**
 * What config lets in, end to end: client ranges into the endpoint subnet's NSG, IP allow-lists into the
 * key vault's and the account's firewalls, exactly as written (none dropped, none added), and malformed
 * ranges refused at their place in the file. And grants: one principal with two roles at one scope, in
 * separate grants, gets both assignments.
 */
import { problemsOf, resolveObjects, synthEstate, validEnvironment } from "../helpers";

function regionStack(edit: (e: any) => void): Record<string, any> {
  const e = validEnvironment() as any;
  edit(e);
  return synthEstate(resolveObjects([e])).get("dev-swedencentral")!;
}
const problems = (edit: (e: any) => void) => {
  const e = validEnvironment() as any;
  edit(e);
  return problemsOf([e]);
};
const KEY_ADMIN = { objectId: "0d4f5162-7e80-4f91-9c23-d4e5f6071829", displayName: "deployer" };

describe("client ranges", () => {
  it("let exactly the VNet and each configured range reach the endpoints on 443", () => {
    const r = regionStack((e) => (e.network = { clientRanges: ["10.50.0.0/16", "192.168.10.0/24"] }));
    const allow = r.resource.azurerm_network_security_rule.network_nsg_allow_https_inbound;
    expect(allow).toMatchObject({ access: "Allow", direction: "Inbound", destination_port_range: "443" });
    expect(allow.source_address_prefixes).toEqual(["10.30.0.0/24", "10.50.0.0/16", "192.168.10.0/24"]);
    const none = regionStack(() => {});
    expect(
      none.resource.azurerm_network_security_rule.network_nsg_allow_https_inbound.source_address_prefixes,
    ).toEqual(["10.30.0.0/24"]);
  });

  it("are refused when malformed, at their index", () => {
    const found = problems((e) => (e.network = { clientRanges: ["10.50.0.0/16", "10.60.0.0/33"] }));
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe("network.clientRanges.1");
  });
});

describe("the key vault's IP allow-list", () => {
  const vault = (ranges?: string[]) =>
    regionStack(
      (e) =>
        (e.customerManagedKey = {
          enabled: true,
          keyAdministrators: [KEY_ADMIN],
          ...(ranges ? { allowedIpRanges: ranges } : {}),
        }),
    ).resource.azurerm_key_vault.cmk_key_vault;

  it("lets through each configured address and nothing else, denying by default", () => {
    expect(vault(["203.0.113.0/28", "198.51.100.7"]).network_acls).toMatchObject({
      default_action: "Deny",
      ip_rules: ["203.0.113.0/28", "198.51.100.7"],
    });
    expect(vault().network_acls).toMatchObject({ default_action: "Deny", ip_rules: [] });
  });

  it("is refused when an entry is not an address or range, at its index", () => {
    const found = problems(
      (e) =>
        (e.customerManagedKey = {
          enabled: true,
          keyAdministrators: [KEY_ADMIN],
          allowedIpRanges: ["ci-runners"],
        }),
    );
    expect(found.map((p) => p.path)).toEqual(["customerManagedKey.allowedIpRanges.0"]);
  });
});

describe("the account's public allow-list", () => {
  it("opens the account to the configured ranges exactly", () => {
    const r = regionStack(
      (e) => (e.network = { publicAccess: { allowedIpRanges: ["203.0.113.0/28", "198.51.100.7"] } }),
    );
    const account = r.resource.azurerm_cognitive_account.openai;
    expect(account.public_network_access_enabled).toBe(true);
    expect(account.network_acls).toMatchObject({
      default_action: "Deny",
      ip_rules: ["203.0.113.0/28", "198.51.100.7"],
    });
  });
});

describe("grants", () => {
  it("give one principal two roles at one scope in separate grants as two assignments", () => {
    const principal = {
      objectId: "7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6",
      type: "ServicePrincipal",
      displayName: "app-chat",
    };
    const r = regionStack(
      (e) =>
        (e.access = [
          { name: "chat-inference", principal, roles: ["inference"] },
          { name: "chat-models", principal, roles: ["model-management"] },
        ]),
    );
    const assignments = Object.entries<any>(r.resource.azurerm_role_assignment).filter(
      ([, a]) => a.principal_id === principal.objectId,
    );
    expect(assignments.map(([, a]) => a.role_definition_id.split("/").pop()).sort()).toEqual(
      ["5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "a001fd3d-188f-4b5d-821b-7da978bf7442"].sort(),
    );
    expect(new Set(assignments.map(([, a]) => a.scope)).size).toBe(1);
    // Distinct assignment names (GUIDs derived from scope, role and principal): Azure refuses duplicates.
    expect(new Set(assignments.map(([, a]) => a.name)).size).toBe(2);
  });
});
