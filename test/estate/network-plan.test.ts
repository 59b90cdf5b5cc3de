import { resolveEstate } from "../../estate/resolve";
import { issuesOf, load, validEnvironment } from "../helpers";

const OPENAI_ZONE_ID =
  "/subscriptions/66666666-6666-6666-6666-666666666666/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";
const COG_ZONE_ID = OPENAI_ZONE_ID.replace(
  "privatelink.openai.azure.com",
  "privatelink.cognitiveservices.azure.com",
);
const SUBNET_ID =
  "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe";

function env(change: (e: any) => void = () => {}) {
  const e = validEnvironment() as any;
  e.regions.push({
    location: "francecentral",
    network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
  });
  change(e);
  return e;
}

const resolve = (e: any) => resolveEstate(load({ [e.name]: e }));
const problems = (e: any) =>
  issuesOf(() => resolve(e)).map((i) => ({ path: i.path.join("."), message: i.message }));

describe("the address plan", () => {
  it("accepts non-overlapping regional VNets with subnets inside them", () => {
    expect(resolve(env()).environments[0]!.regions.map((r) => r.network.mode)).toEqual([
      "managed",
      "managed",
    ]);
  });

  it("rejects overlapping regional VNets", () => {
    expect(problems(env((e) => (e.regions[1].network.addressSpace = "10.30.0.0/16")))).toEqual([
      {
        path: "regions.1.network.addressSpace",
        message: "overlaps regions[0].network.addressSpace (10.30.0.0/24); regional VNets must not overlap",
      },
      {
        path: "regions.1.network.privateEndpointSubnet",
        message: "lies outside the VNet's address space 10.30.0.0/16",
      },
    ]);
  });

  it("rejects a VNet overlapping a declared peer range", () => {
    expect(problems(env((e) => (e.network = { peerRanges: ["10.0.0.0/8"] })))).toEqual([
      {
        path: "regions.0.network.addressSpace",
        message: "overlaps network.peerRanges[0] (10.0.0.0/8); peered networks must not overlap",
      },
      {
        path: "regions.1.network.addressSpace",
        message: "overlaps network.peerRanges[0] (10.0.0.0/8); peered networks must not overlap",
      },
    ]);
  });

  it("rejects a subnet outside its VNet", () => {
    expect(problems(env((e) => (e.regions[0].network.privateEndpointSubnet = "10.99.0.0/27")))).toEqual([
      {
        path: "regions.0.network.privateEndpointSubnet",
        message: "lies outside the VNet's address space 10.30.0.0/24",
      },
    ]);
  });

  it("rejects a subnet smaller than Azure allows", () => {
    expect(problems(env((e) => (e.regions[0].network.privateEndpointSubnet = "10.30.0.0/30")))).toEqual([
      {
        path: "regions.0.network.privateEndpointSubnet",
        message: "is smaller than /29, the smallest subnet Azure allows",
      },
    ]);
  });

  it("rejects a malformed CIDR in the schema, with the expected form", () => {
    const [issue] = issuesOf(() => resolve(env((e) => (e.regions[0].network.addressSpace = "10.30.0/24"))));
    expect(issue!.path).toEqual(["regions", 0, "network", "addressSpace"]);
    expect(issue!.message).toBe("must be an IPv4 CIDR range such as 10.20.0.0/24");
  });

  it("rejects a CIDR with host bits set, naming the aligned range", () => {
    expect(problems(env((e) => (e.regions[0].network.addressSpace = "10.30.0.1/24")))).toEqual([
      {
        path: "regions.0.network.addressSpace",
        message: "has host bits set: the range starting there is 10.30.0.0/24",
      },
    ]);
  });

  it("rejects a gateway reservation outside the VNet or over the endpoint subnet", () => {
    expect(problems(env((e) => (e.regions[0].network.gatewaySubnet = "10.30.0.0/26")))).toEqual([
      { path: "regions.0.network.gatewaySubnet", message: "overlaps privateEndpointSubnet 10.30.0.0/27" },
    ]);
    expect(problems(env((e) => (e.regions[0].network.gatewaySubnet = "10.32.0.0/26")))).toEqual([
      {
        path: "regions.0.network.gatewaySubnet",
        message: "lies outside the VNet's address space 10.30.0.0/24",
      },
    ]);
  });

  it.each(["10.30.0.0", "10.30.0.3", "10.30.0.31", "10.30.1.10"])(
    "rejects static IP %s outside the usable range",
    (ip) => {
      const [p] = problems(env((e) => (e.regions[0].network.privateEndpointIp = ip)));
      expect(p).toEqual({
        path: "regions.0.network.privateEndpointIp",
        message:
          "is not an assignable address of privateEndpointSubnet 10.30.0.0/27 (Azure reserves the first four and the last)",
      });
    },
  );

  it("accepts a static IP inside the usable range", () => {
    const region = resolve(env((e) => (e.regions[0].network.privateEndpointIp = "10.30.0.4")))
      .environments[0]!.regions[0]!;
    expect(region.privateEndpoint.staticIp).toBe("10.30.0.4");
  });

  it("checks host bits in every range it is given, at that range's path", () => {
    expect(
      problems(
        env((e) => {
          e.network = { peerRanges: ["172.16.0.1/12"], clientRanges: ["192.168.1.1/24"] };
          e.regions[0].network.privateEndpointSubnet = "10.30.0.1/27";
          e.regions[0].network.gatewaySubnet = "10.30.0.129/26";
        }),
      ),
    ).toEqual([
      {
        path: "network.peerRanges.0",
        message: "has host bits set: the range starting there is 172.16.0.0/12",
      },
      {
        path: "network.clientRanges.0",
        message: "has host bits set: the range starting there is 192.168.1.0/24",
      },
      {
        path: "regions.0.network.privateEndpointSubnet",
        message: "has host bits set: the range starting there is 10.30.0.0/27",
      },
      {
        path: "regions.0.network.gatewaySubnet",
        message: "has host bits set: the range starting there is 10.30.0.128/26",
      },
    ]);
  });

  it("accepts a /29 endpoint subnet, the smallest Azure allows", () => {
    const e = env((e) => (e.regions[0].network.privateEndpointSubnet = "10.30.0.0/29"));
    expect(resolve(e).environments[0]!.regions[0]!.network).toMatchObject({
      mode: "managed",
      privateEndpointSubnet: { addressPrefix: "10.30.0.0/29" },
    });
  });

  it("refuses an existing subnet's ID in managed mode, which creates its own subnet", () => {
    expect(problems(env((e) => (e.regions[0].network.privateEndpointSubnetId = SUBNET_ID)))).toEqual([
      {
        path: "regions.0.network.privateEndpointSubnetId",
        message: "is for landingZone mode; managed mode creates the subnet: remove it",
      },
    ]);
  });

  it("requires an address plan in managed mode", () => {
    expect(problems(env((e) => delete e.regions[0].network))).toEqual([
      {
        path: "regions.0.network",
        message:
          "managed network mode needs addressSpace and privateEndpointSubnet (or set network.mode: landingZone with existing subnets)",
      },
    ]);
  });
});

describe("landing-zone mode and DNS modes", () => {
  const lz = (change: (e: any) => void = () => {}) =>
    env((e) => {
      e.network = {
        mode: "landingZone",
        dns: {
          mode: "existing",
          zoneIds: {
            "privatelink.openai.azure.com": OPENAI_ZONE_ID,
            "privatelink.cognitiveservices.azure.com": COG_ZONE_ID,
          },
        },
      };
      e.regions = [{ ...e.regions[0], network: { privateEndpointSubnetId: SUBNET_ID } }];
      change(e);
    });

  it("uses existing subnets and zones", () => {
    const [environment] = resolve(lz()).environments;
    expect(environment!.regions[0]!.network).toEqual({
      mode: "landingZone",
      privateEndpointSubnetId: SUBNET_ID,
    });
    expect(environment!.shared.privateDnsZones).toEqual([]);
    expect(environment!.dns).toEqual({
      mode: "existing",
      zoneIds: {
        "privatelink.openai.azure.com": OPENAI_ZONE_ID,
        "privatelink.cognitiveservices.azure.com": COG_ZONE_ID,
      },
    });
  });

  it("refuses managed DNS, which would need VNets to link", () => {
    expect(problems(lz((e) => (e.network.dns = { mode: "managed" })))).toEqual([
      {
        path: "network.dns.mode",
        message:
          "managed DNS links zones to the project's VNets, and landingZone mode creates none: use existing or policy",
      },
    ]);
  });

  it("requires the subnet ID and refuses an address plan", () => {
    expect(problems(lz((e) => (e.regions[0].network = { addressSpace: "10.1.0.0/24" })))).toEqual([
      {
        path: "regions.0.network",
        message: "landingZone mode needs privateEndpointSubnetId: the existing subnet for private endpoints",
      },
      {
        path: "regions.0.network.addressSpace",
        message: "is for managed mode; landingZone mode creates no VNet: remove it",
      },
    ]);
  });

  it("requires an existing zone for every zone the accounts need", () => {
    expect(
      problems(lz((e) => delete e.network.dns.zoneIds["privatelink.cognitiveservices.azure.com"])),
    ).toEqual([
      {
        path: "network.dns.zoneIds",
        message: "existing DNS mode needs the resource ID of zone privatelink.cognitiveservices.azure.com",
      },
    ]);
  });

  it("rejects a zone ID that names another zone", () => {
    expect(
      problems(lz((e) => (e.network.dns.zoneIds["privatelink.openai.azure.com"] = COG_ZONE_ID))),
    ).toEqual([
      {
        path: "network.dns.zoneIds.privatelink.openai.azure.com",
        message: "the resource ID must end with /privateDnsZones/privatelink.openai.azure.com",
      },
    ]);
  });

  it("reports the value the managed DNS refusal is about", () => {
    const [issue] = issuesOf(() => resolve(lz((e) => (e.network.dns = { mode: "managed" }))));
    expect(issue!.value).toBe("managed");
  });

  it("reports a landing-zone region with no network block instead of failing", () => {
    expect(problems(lz((e) => delete e.regions[0].network))).toEqual([
      {
        path: "regions.0.network",
        message: "landingZone mode needs privateEndpointSubnetId: the existing subnet for private endpoints",
      },
    ]);
  });

  it("asks for every zone when existing DNS mode names none", () => {
    expect(problems(lz((e) => delete e.network.dns.zoneIds))).toEqual(
      ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"].map((zone) => ({
        path: "network.dns.zoneIds",
        message: `existing DNS mode needs the resource ID of zone ${zone}`,
      })),
    );
  });

  it("asks for the blob zone too when a region fine-tunes", () => {
    const fineTuning = problems(lz((e) => (e.regions[0].fineTuning = { baseModels: ["gpt-4.1-mini"] })));
    expect(fineTuning).toContainEqual({
      path: "network.dns.zoneIds",
      message: "existing DNS mode needs the resource ID of zone privatelink.blob.core.windows.net",
    });
  });

  it.each(["policy", "managed"])("refuses zone IDs in %s DNS mode, which would ignore them", (mode) => {
    const e =
      mode === "policy"
        ? lz((x) => (x.network.dns.mode = mode))
        : env(
            (x) =>
              (x.network = { dns: { mode, zoneIds: { "privatelink.openai.azure.com": OPENAI_ZONE_ID } } }),
          );
    expect(problems(e)).toEqual([
      {
        path: "network.dns.zoneIds",
        message: `zoneIds are only used in existing DNS mode (mode is ${mode}); remove them`,
      },
    ]);
  });

  it("leaves DNS to Azure Policy in policy mode: no zone group", () => {
    const [environment] = resolve(lz((e) => (e.network.dns = { mode: "policy" }))).environments;
    expect(environment!.regions[0]!.privateEndpoint.zoneNames).toEqual([]);
  });

  it("adds the services.ai zone for AIServices accounts", () => {
    const [environment] = resolve(env((e) => (e.regions[0].kind = "AIServices"))).environments;
    expect(environment!.shared.privateDnsZones).toEqual([
      "privatelink.openai.azure.com",
      "privatelink.cognitiveservices.azure.com",
      "privatelink.services.ai.azure.com",
    ]);
    expect(environment!.regions[1]!.privateEndpoint.zoneNames).toEqual([
      "privatelink.openai.azure.com",
      "privatelink.cognitiveservices.azure.com",
    ]);
  });
});

describe("account network rules", () => {
  it("keeps the account private with no bypass by default", () => {
    const { account } = resolve(env()).environments[0]!.regions[0]!;
    expect(account).toMatchObject({ networkBypass: "None", publicAccess: undefined, allowedFqdns: [] });
  });

  it("opens public access only with named ranges and a reason that shows in the tags", () => {
    const e = env(
      (e) =>
        (e.network = {
          publicAccess: { allowedIpRanges: ["203.0.113.0/28"], reason: "self-hosted CI runners" },
        }),
    );
    const { account } = resolve(e).environments[0]!.regions[0]!;
    expect(account.publicAccess).toEqual({
      allowedIpRanges: ["203.0.113.0/28"],
      reason: "self-hosted CI runners",
    });
    expect(account.tags["public-access-reason"]).toBe("self-hosted CI runners");
  });

  it("opens public access without a reason too: AOAI-ACC1 asks for a waiver at synth, and no tag is added", () => {
    const { environments, warnings } = resolve(
      env((e) => (e.network = { publicAccess: { allowedIpRanges: ["203.0.113.4"] } })),
    );
    const { account } = environments[0]!.regions[0]!;
    expect(account.publicAccess).toEqual({ allowedIpRanges: ["203.0.113.4"] });
    expect(account.tags["public-access-reason"]).toBeUndefined();
    expect(environments[0]!.waivers).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("reads the legacy reason as a waiver of AOAI-ACC1 on the accounts, with a warning at the field", () => {
    const { environments, warnings } = resolve(
      env(
        (e) =>
          (e.network = {
            publicAccess: { allowedIpRanges: ["203.0.113.4"], reason: "self-hosted CI runners" },
          }),
      ),
    );
    expect(environments[0]!.waivers).toEqual([
      expect.objectContaining({
        rule: "AOAI-ACC1",
        resource: "azurerm_cognitive_account.*",
        reason: "self-hosted CI runners",
      }),
    ]);
    expect(warnings.map((w) => w.path)).toEqual([["network", "publicAccess", "reason"]]);
  });

  it("lets trusted Azure services through when asked", () => {
    expect(
      resolve(env((e) => (e.network = { trustedServicesBypass: true }))).environments[0]!.regions[0]!.account
        .networkBypass,
    ).toBe("AzureServices");
  });
});
