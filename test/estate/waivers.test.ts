/**
 * An environment's guardrail waivers: its `waivers:` list, each traced to its place in the file, plus the
 * waivers its configuration stands for: policy-managed DNS (AOAI-NET2), and the legacy reason fields
 * (public access, a weaker content filter, a privileged grant), each with a warning at the field.
 */
import { resolveObjects, validEnvironment } from "../helpers";

const resolve = (extra: Record<string, unknown>) => {
  const { environments, warnings } = resolveObjects([{ ...validEnvironment(), ...extra }]);
  return { waivers: environments[0]!.waivers, warnings: warnings.map((w) => [w.path.join("."), w.message]) };
};
const SUBNET_ID =
  "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe";

describe("waivers", () => {
  it("takes each listed waiver as written, naming the file and index it came from", () => {
    const listed = {
      rule: "AOAI-ACC6",
      resource: "azurerm_cognitive_account.*",
      reason: "Trusted Azure services must reach the account for batch jobs",
      expires: "2027-01-31",
    };
    const { waivers, warnings } = resolve({
      waivers: [listed, { ...listed, rule: "AOAI-DEF1", expires: undefined }],
    });
    expect(waivers).toEqual([
      { ...listed, source: expect.stringMatching(/dev\.yaml: waivers\[0\]$/) },
      {
        ...listed,
        rule: "AOAI-DEF1",
        expires: undefined,
        source: expect.stringMatching(/dev\.yaml: waivers\[1\]$/),
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("has none for an environment with a stricter filter and a privileged grant without reasons", () => {
    const principal = { objectId: "7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6", type: "Group", displayName: "ops" };
    const { waivers, warnings } = resolve({
      contentFilters: { tight: { preset: "strict" } },
      access: [{ name: "readers", principal, roles: ["Reader"], scope: "environment" }],
    });
    expect(waivers).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("waives AOAI-NET2 on the accounts when the landing zone's policy writes the DNS records", () => {
    const { waivers, warnings } = resolve({
      network: { mode: "landingZone", dns: { mode: "policy" } },
      regions: [
        { ...(validEnvironment().regions as any[])[0], network: { privateEndpointSubnetId: SUBNET_ID } },
      ],
    });
    expect(waivers).toEqual([
      {
        rule: "AOAI-NET2",
        resource: "azurerm_cognitive_account.*",
        reason:
          "network.dns.mode is policy: the landing zone's Azure Policy (DeployIfNotExists) adds each private endpoint's DNS zone group.",
        source: expect.stringMatching(/dev\.yaml: network\.dns\.mode$/),
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads a legacy reason as the waiver it stands for, and says at the field what to write instead", () => {
    const reason = "Self-hosted CI runners reach the account from this range";
    const { waivers, warnings } = resolve({
      network: { publicAccess: { allowedIpRanges: ["203.0.113.4"], reason } },
    });
    expect(waivers).toEqual([
      {
        rule: "AOAI-ACC1",
        resource: "azurerm_cognitive_account.*",
        reason,
        source: expect.stringMatching(/dev\.yaml: network\.publicAccess\.reason$/),
      },
    ]);
    expect(warnings).toEqual([
      [
        "network.publicAccess.reason",
        'is replaced by waivers: it is read as the waiver { rule: AOAI-ACC1, resource: "azurerm_cognitive_account.*", reason: ... }; move the reason there and remove this field',
      ],
    ]);
  });

  it("names a weaker filter's waiver after the filter's Terraform address", () => {
    const reason = "Medical triage: symptom descriptions trip the self-harm filter at Medium";
    const { waivers, warnings } = resolve({
      contentFilters: { "med.triage-1": { severity: { selfHarm: { prompt: "High" } }, reason } },
    });
    expect(waivers).toEqual([
      {
        rule: "AOAI-RAI2",
        resource: "azurerm_cognitive_account_rai_policy.content_filter_med_triage_1",
        reason,
        source: expect.stringMatching(/dev\.yaml: contentFilters\.med\.triage-1\.reason$/),
      },
    ]);
    expect(warnings.map(([path]) => path)).toEqual(["contentFilters.med.triage-1.reason"]);
  });

  it("reads a grant's reason as a waiver only for a privileged role", () => {
    const principal = { objectId: "7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6", type: "Group", displayName: "ops" };
    const reason = "Break-glass group, membership through PIM only";
    const { waivers } = resolve({
      access: [
        { name: "ops", principal, roles: ["Cognitive Services Contributor"], reason },
        {
          name: "app",
          principal: { ...principal, objectId: "8b2d3f4a-5c6e-4d7f-9a01-b2c3d4e5f6a7" },
          roles: ["inference"],
          reason,
        },
      ],
    });
    expect(waivers).toEqual([
      {
        rule: "AOAI-IAM1",
        resource: "*/access/ops-cognitive-services-contributor",
        reason,
        source: expect.stringMatching(/dev\.yaml: access\.0\.reason$/),
      },
    ]);
  });
});
