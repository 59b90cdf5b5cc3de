/**
 * Each text rule, tested once and thoroughly (property tests over generated values), and the proof that
 * config and constructs use the same rule: for any string, the schema and the construct agree.
 */
import fc from "fast-check";
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { NAME_RULES, checkName } from "../../catalog/name-rules";
import { TEXT_RULES, type TextRuleName } from "../../catalog/text-rules";
import { nameOf } from "../../config/common-schema";
import { networkSchema, regionNetworkSchema } from "../../config/network-schema";
import { deploymentSchema } from "../../config/schema";
import { ModelDeployment } from "../../constructs/model-deployment";
import { Network } from "../../constructs/network";
import { OpenAiAccount } from "../../constructs/openai-account";
import { requireName } from "../../constructs/validation";

const ok = (rule: TextRuleName, value: string) => TEXT_RULES[rule].pattern.test(value);
const octet = fc.integer({ min: 0, max: 255 });
const ip = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
const lower = "abcdefghijklmnopqrstuvwxyz";
const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split("")), minLength: min, maxLength: max });

describe("IPv4 and CIDR", () => {
  it("accept every dotted quad of octets 0-255, and every prefix 0-32 after one", () => {
    fc.assert(fc.property(ip, (a) => ok("ipv4", a) && ok("ipv4OrCidr", a)));
    fc.assert(
      fc.property(
        ip,
        fc.integer({ min: 0, max: 32 }),
        (a, p) => ok("cidr", `${a}/${p}`) && ok("ipv4OrCidr", `${a}/${p}`),
      ),
    );
  });

  it("refuse an octet above 255, a prefix above 32, leading zeros, too few octets and a bare prefix", () => {
    fc.assert(
      fc.property(ip, fc.integer({ min: 256, max: 999 }), fc.integer({ min: 0, max: 3 }), (a, big, i) => {
        const parts = a.split(".");
        parts[i] = String(big);
        return !ok("ipv4", parts.join(".")) && !ok("ipv4OrCidr", parts.join("."));
      }),
    );
    fc.assert(fc.property(ip, fc.integer({ min: 33, max: 99 }), (a, p) => !ok("cidr", `${a}/${p}`)));
    for (const bad of ["01.2.3.4", "1.2.3", "1.2.3.4/", "/24", "1.2.3.4 ", "10.0.0.0/24/1", "a.b.c.d"])
      expect([bad, ok("ipv4OrCidr", bad)]).toEqual([bad, false]);
    expect(ok("ipv4", "10.0.0.0/24")).toBe(false);
    expect(ok("cidr", "10.0.0.1")).toBe(false);
  });
});

describe("FQDN", () => {
  const label = chars(`${lower}0123456789`, 1, 20);
  it("accepts dotted labels ending in a 2-63 letter top-level domain, with an optional *. in front", () => {
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 4 }),
        chars(lower, 2, 10),
        fc.boolean(),
        (ls, tld, star) => ok("fqdn", `${star ? "*." : ""}${ls.join(".")}.${tld}`),
      ),
    );
  });

  it("refuses URLs, single labels, labels over 63 characters, names over 253 and labels edged with '-'", () => {
    for (const bad of [
      "https://contoso.com",
      "localhost",
      "contoso.com/",
      "-a.contoso.com",
      "a-.contoso.com",
      "a..b.com",
    ])
      expect([bad, ok("fqdn", bad)]).toEqual([bad, false]);
    expect(ok("fqdn", `${"a".repeat(64)}.com`)).toBe(false);
    expect(ok("fqdn", `${"a".repeat(63)}.com`)).toBe(true);
    const long = Array.from({ length: 51 }, () => "abcd").join(".") + ".com"; // 258
    expect(long.length).toBeGreaterThan(253);
    expect(ok("fqdn", long)).toBe(false);
  });
});

describe("names of account children", () => {
  it("RAI names take 2-64 of letters, digits, '-', '.', '_', '~', starting with a letter or digit", () => {
    fc.assert(fc.property(chars("aZ09-._~", 1, 63), (rest) => ok("raiName", `a${rest}`)));
    fc.assert(fc.property(chars("aZ09-._~", 64, 80), (rest) => !ok("raiName", `a${rest}`)));
    for (const bad of ["a", "-abc", "~abc", "a b", "a/b", "a:b"])
      expect([bad, ok("raiName", bad)]).toEqual([bad, false]);
  });

  it("deployment names take 2-64 of letters, digits, '_', '.', '-', but not '~'", () => {
    fc.assert(fc.property(chars("aZ09-._", 1, 63), (rest) => ok("deploymentName", `g${rest}`)));
    expect(ok("deploymentName", "gpt-5.1")).toBe(true);
    for (const bad of ["g", "g~1", ".gpt", "g".repeat(65)])
      expect([bad, ok("deploymentName", bad)]).toEqual([bad, false]);
  });

  it("container names are 3-63 lower-case letters, digits and single hyphens, edged by a letter or digit", () => {
    fc.assert(fc.property(chars(`${lower}0123456789`, 3, 63), (name) => ok("containerName", name)));
    for (const bad of ["ab", "Training", "a--b", "-ab", "ab-", "a_b", "a".repeat(64)])
      expect([bad, ok("containerName", bad)]).toEqual([bad, false]);
  });
});

describe("GUIDs and resource IDs", () => {
  it("GUIDs are 8-4-4-4-12 hex digits in either case", () => {
    fc.assert(fc.property(fc.uuid(), (g) => ok("guid", g) && ok("guid", g.toUpperCase())));
    for (const bad of [
      "",
      "not-a-guid",
      "0000000-0000-0000-0000-000000000000",
      "{00000000-0000-0000-0000-000000000000}",
    ])
      expect([bad, ok("guid", bad)]).toEqual([bad, false]);
  });

  it("subnet and zone IDs need the full path with a subscription GUID", () => {
    const sub =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network";
    expect(ok("subnetId", `${sub}/virtualNetworks/v/subnets/s`)).toBe(true);
    expect(ok("subnetId", `${sub}/virtualNetworks/v`)).toBe(false);
    expect(
      ok(
        "subnetId",
        `/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      ),
    ).toBe(false);
    expect(ok("privateDnsZoneId", `${sub}/privateDnsZones/privatelink.openai.azure.com`)).toBe(true);
    expect(ok("privateDnsZoneId", `${sub}/privateDnsZones`)).toBe(false);
  });
});

describe("resource names", () => {
  it("hold each rule's length bounds exactly", () => {
    for (const [kind, rule] of Object.entries(NAME_RULES)) {
      const k = kind as keyof typeof NAME_RULES;
      expect([kind, checkName(k, "a".repeat(rule.min))]).toEqual([kind, undefined]);
      expect([kind, checkName(k, "a".repeat(rule.max))]).toEqual([kind, undefined]);
      expect(checkName(k, "a".repeat(rule.max + 1))).toMatch(/characters; Azure allows/);
      if (rule.min > 1) expect(checkName(k, "a".repeat(rule.min - 1))).toMatch(/characters; Azure allows/);
    }
  });
});

describe("one rule, two layers", () => {
  const scope = () => Testing.app();
  const constructAccepts = (fn: () => void) => {
    try {
      fn();
      return true;
    } catch {
      return false;
    }
  };
  const samples = fc.oneof(
    fc.string({ maxLength: 70 }),
    ip,
    ip.map((a) => `${a}/24`),
    chars(`${lower}0123456789-._~`, 0, 70),
  );

  // Real fields against real constructs: a rule copied back into either side makes these differ.
  const account = (stack: Construct) =>
    new OpenAiAccount(stack, "openai", { name: "oai-x", location: "swedencentral", resourceGroupName: "rg" });
  const pairs: [string, (v: string) => boolean, (stack: Construct, v: string) => void][] = [
    [
      "deployment name",
      (v) => deploymentSchema.shape.name.safeParse(v).success,
      (stack, v) =>
        new ModelDeployment(stack, "d", {
          account: account(stack),
          name: v,
          modelName: "gpt-5.1",
          modelVersion: "2025-11-13",
          sku: "GlobalStandard",
          capacity: 1,
          raiPolicyName: "Microsoft.DefaultV2",
        }),
    ],
    [
      "VNet address space",
      (v) => regionNetworkSchema.shape.addressSpace.safeParse(v).success,
      (stack, v) =>
        new Network(stack, "n", {
          name: "vnet",
          location: "swedencentral",
          resourceGroupName: "rg",
          addressSpace: v,
          privateEndpointSubnetName: "snet",
          privateEndpointSubnetPrefix: "10.0.0.0/27",
          networkSecurityGroupName: "nsg",
          allowedInboundRanges: ["10.0.0.0/24"],
        }),
    ],
    [
      "outbound FQDN",
      (v) => networkSchema.shape.allowedFqdns.safeParse([v]).success,
      (stack, v) =>
        new OpenAiAccount(stack, "o", {
          name: "oai-y",
          location: "swedencentral",
          resourceGroupName: "rg",
          allowedFqdns: [v],
        }),
    ],
  ];

  it.each(pairs)("the config schema and the construct accept exactly the same %s", (_, schema, build) => {
    fc.assert(
      fc.property(
        samples,
        (value) => schema(value) === constructAccepts(() => build(new TerraformStack(scope(), "s"), value)),
      ),
      { numRuns: 150 },
    );
  });

  it("and the same names, for every naming rule", () => {
    for (const kind of Object.keys(NAME_RULES) as (keyof typeof NAME_RULES)[]) {
      const schema = nameOf(kind);
      fc.assert(
        fc.property(samples, (value) => {
          const s = scope();
          const same =
            schema.safeParse(value).success === constructAccepts(() => requireName(s, "p", value, kind));
          return same && schema.safeParse(value).success === (checkName(kind, value) === undefined);
        }),
        { numRuns: 200 },
      );
    }
  });
});
