/**
 * The gateway as the estate plans it: from placement, in the primary region's gateway subnet; refused
 * with the reason when it cannot be built. And its XML writer escapes what it is given.
 */
import { el, renderXml } from "../../../estate/gateway/xml";
import { problemsOf, resolveObjects, validEnvironment } from "../../helpers";

const TODAY = { today: "2026-12-02" };
function env(gateway: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const e = validEnvironment() as any;
  e.tenantId = "22222222-2222-2222-2222-222222222222";
  e.regions[0].network.gatewaySubnet = "10.30.0.128/27";
  e.regions[0].deployments = [];
  e.workloads = [
    { name: "chat", model: { name: "gpt-5.1", version: "2025-11-13" }, demand: 10, boundary: "EU" },
  ];
  return { ...e, gateway: { enabled: true, ...gateway }, ...extra };
}
const team = { name: "app", clientIds: ["6f1d2e3c-4b5a-4c69-8d7e-0f1a2b3c4d5e"], tokensPerMinute: 1000 };

describe("the gateway plan", () => {
  it("fronts every placed region, in placement's order, in the primary region's gateway subnet", () => {
    const g = resolveObjects([env({ teams: [team] })], TODAY).environments[0]!.gateway!;
    expect(g).toMatchObject({
      stackName: "dev-gateway",
      sku: "Developer_1",
      subnet: { mode: "managed", addressPrefix: "10.30.0.128/27" },
      workloads: [{ name: "chat", backends: [{ id: "chat-swedencentral", priority: 1 }] }],
      teams: [{ name: "app", workloads: ["chat"] }],
    });
    expect(g.workloads[0]!.backends[0]!.url).toMatch(/^https:\/\/oai-.*\.openai\.azure\.com\/openai$/);
    expect(g.insightsName).toBe(`appi-${g.name}`);
  });

  it("orders a workload's backends as placement orders its regions, with their priorities", () => {
    const e = env({ teams: [team] });
    e.regions.push({
      location: "francecentral",
      network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
    });
    e.workloads[0].strategy = "primary-secondary";
    e.workloads[0].regions = ["francecentral", "swedencentral"];
    const estate = resolveObjects([e], TODAY).environments[0]!;
    const targets = estate.workloads[0]!.targets;
    const backends = estate.gateway!.workloads[0]!.backends;
    expect(targets.map((t) => t.region)).toEqual(["francecentral", "swedencentral"]);
    expect(backends.map((b) => [b.id, b.priority])).toEqual([
      ["chat-francecentral", 1],
      ["chat-swedencentral", 2],
    ]);
    expect(backends.map((b) => b.url)).toEqual(targets.map((t) => `${t.endpoint}openai`));
    // The gateway's identity may call every account it fronts, and no other.
    expect(estate.gateway!.accounts.map((a) => a.location).sort()).toEqual([
      "francecentral",
      "swedencentral",
    ]);
    for (const a of estate.gateway!.accounts) {
      const account = estate.regions.find((r) => r.location === a.location)!.account;
      expect(a).toEqual({ location: a.location, name: account.name, resourceId: account.resourceId });
    }
  });

  it("runs in the primary region when that is not the first, in that region's gateway subnet", () => {
    const e = env({ teams: [team] });
    delete e.regions[0].network.gatewaySubnet;
    e.regions.push({
      location: "francecentral",
      network: {
        addressSpace: "10.31.0.0/24",
        privateEndpointSubnet: "10.31.0.0/27",
        gatewaySubnet: "10.31.0.128/27",
      },
    });
    e.primaryRegion = "francecentral";
    const g = resolveObjects([e], TODAY).environments[0]!.gateway!;
    expect(g).toMatchObject({
      location: "francecentral",
      regionStackName: "dev-francecentral",
      subnet: { mode: "managed", addressPrefix: "10.31.0.128/27" },
    });
  });

  it("keeps its global name, its teams' client IDs and limits, and lists every workload in a refusal", () => {
    const e = env({ teams: [team] });
    const g = resolveObjects([e], TODAY).environments[0]!.gateway!;
    // Pinned: the name is global and fixed at creation; a change would replace the gateway.
    expect(g.name).toBe("apim-aoai-dev-c5cb31");
    expect(g.teams).toEqual([
      {
        name: "app",
        clientIds: ["6f1d2e3c-4b5a-4c69-8d7e-0f1a2b3c4d5e"],
        tokensPerMinute: 1000,
        workloads: ["chat"],
      },
    ]);
    e.workloads.push({ ...e.workloads[0], name: "embed" });
    e.gateway.teams = [{ ...team, workloads: ["chatt"] }];
    expect(problemsOf([e], TODAY)).toContainEqual({
      path: "gateway.teams.0.workloads.0",
      message: "is not a workload: chat, embed",
    });
  });

  it.each([
    ["no workloads to route", (e: any) => (e.workloads = []), "gateway.enabled", /^routes placed workloads/],
    ["no tenant", (e: any) => delete e.tenantId, "gateway.enabled", /^needs tenantId/],
    [
      "no gateway subnet",
      (e: any) => delete e.regions[0].network.gatewaySubnet,
      "gateway.enabled",
      /gatewaySubnet/,
    ],
    [
      "a team's unknown workload",
      (e: any) => (e.gateway.teams = [{ ...team, workloads: ["chatt"] }]),
      "gateway.teams.0.workloads.0",
      /^is not a workload: chat/,
    ],
    [
      "an owner that is not an e-mail address and no publisherEmail",
      (e: any) => (e.owner = "platform team"),
      "gateway.publisherEmail",
      /^is required when owner is not an e-mail address/,
    ],
  ])("is refused with %s", (_what, edit, path, message) => {
    const e = env({ teams: [team] });
    edit(e);
    expect(problemsOf([e], TODAY)).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("in landing-zone mode takes the landing zone's subnet, and requires it", () => {
    const SUBNET =
      "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-apim";
    const lz = (gateway: Record<string, unknown>) => {
      const e = env({ teams: [team], ...gateway }) as any;
      e.network = { mode: "landingZone", dns: { mode: "policy" } };
      e.regions[0].network = { privateEndpointSubnetId: SUBNET.replace("snet-apim", "snet-pe") };
      return e;
    };
    expect(resolveObjects([lz({ subnetId: SUBNET })], TODAY).environments[0]!.gateway!.subnet).toEqual({
      mode: "existing",
      id: SUBNET,
    });
    expect(problemsOf([lz({})], TODAY)).toEqual([
      {
        path: "gateway.subnetId",
        message: "is required in landingZone mode: the landing zone's subnet for the gateway",
      },
    ]);
  });

  it("derives a valid API Management name from the longest names the other resources allow", () => {
    const e = env({ teams: [team] }) as any;
    e.workload = "abcdefghi";
    e.name = "ab";
    const name = resolveObjects([e], TODAY).environments[0]!.gateway!.name;
    expect(name).toMatch(/^apim-abcdefghi-ab-[0-9a-f]{6}$/);
    // API Management's rule: 1-50 letters, digits and hyphens, starting with a letter, not ending in '-'.
    expect(name).toMatch(/^[a-zA-Z][a-zA-Z0-9-]{0,48}[a-zA-Z0-9]$/);
  });

  it("takes the owner as publisher when it is an e-mail address, and publisherEmail over it", () => {
    const e = env({ teams: [team] }) as any;
    e.owner = "ai-platform@contoso.com";
    expect(resolveObjects([e], TODAY).environments[0]!.gateway!.publisherEmail).toBe(
      "ai-platform@contoso.com",
    );
    const given = env({ teams: [team], publisherEmail: "apim-admins@contoso.com" });
    expect(resolveObjects([given], TODAY).environments[0]!.gateway!.publisherEmail).toBe(
      "apim-admins@contoso.com",
    );
  });

  it("is not built while the switch is off", () => {
    expect(resolveObjects([env({ enabled: false })], TODAY).environments[0]!.gateway).toBeUndefined();
  });
});

describe("the policy XML writer", () => {
  it("escapes attribute values and text, and indents elements", () => {
    expect(renderXml(el("a", { when: '@(x < 1 && y == "z")' }, el("b", {}, "1 < 2"), el("c")))).toBe(
      '<a when="@(x &lt; 1 &amp;&amp; y == &quot;z&quot;)">\n  <b>1 &lt; 2</b>\n  <c />\n</a>',
    );
  });
});
