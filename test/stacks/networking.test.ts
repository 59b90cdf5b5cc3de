/**
 * Relations between the networking resources of the bundled estate: which endpoint points at which
 * account, which zones it registers in, which VNets each zone is linked to.
 */
import { RegionStack } from "../../stacks/region-stack";
import { testApp } from "../helpers";
import { synthBundledEstate } from "./bundled";

const { json, resources, estate } = synthBundledEstate();
const only = (stack: string, type: string) => {
  const all = resources(stack, type);
  expect(all).toHaveLength(1);
  return all[0]![1];
};
/** The account's endpoint (a region with a customer-managed key also has its vault's). */
const accountEndpoint = (stack: string) => {
  const found = resources(stack, "azurerm_private_endpoint").find(
    ([address]) => address === "openai_private_endpoint",
  );
  expect(found).toBeDefined();
  return found![1];
};
/** Resolves a cross-stack reference in a consumer to the producer's output expression. */
function producerValue(consumer: string, ref: string): string {
  const m = ref.match(
    /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_(\w+)\.outputs\.(\w+)\}$/,
  );
  expect(m).not.toBeNull();
  const producer = [...estate.environments.map((e) => e.shared.stackName)].find(
    (s) => s.replace(/-/g, "_") === m![1],
  )!;
  expect(json(consumer).data.terraform_remote_state[`cross_stack_reference_input_${m![1]}`]).toBeDefined();
  return json(producer).output[m![2]!].value;
}

describe.each(["dev-swedencentral", "prod-swedencentral", "prod-francecentral", "lz-swedencentral"])(
  "%s",
  (stack) => {
    it("has a private endpoint whose connection points at the region's account, subresource account", () => {
      const endpoint = accountEndpoint(stack);
      expect(endpoint.private_service_connection).toEqual({
        name: `psc-${endpoint.name}`,
        private_connection_resource_id: "${azurerm_cognitive_account.openai.id}",
        subresource_names: ["account"],
        is_manual_connection: false,
      });
      expect(endpoint.location).toBe(only(stack, "azurerm_cognitive_account").location);
    });

    it("creates the endpoint after the account's last deployment", () => {
      const endpoint = accountEndpoint(stack);
      const region = estate.environments.flatMap((e) => e.regions).find((r) => r.stackName === stack)!;
      const last = region.account.deployments.at(-1)!.name.replace(/[^A-Za-z0-9_]/g, "_");
      expect(endpoint.depends_on).toEqual([`azurerm_cognitive_deployment.deployment_${last}`]);
    });
  },
);

describe("managed networking (prod)", () => {
  const regions = ["prod-swedencentral", "prod-francecentral"];
  const zones = ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"];
  // prod encrypts with customer-managed keys (a vault endpoint per region) and fine-tunes in
  // swedencentral (a blob endpoint there); every VNet links every zone.
  const allZones = [...zones, "privatelink.vaultcore.azure.net", "privatelink.blob.core.windows.net"];

  it("owns the Azure OpenAI, key vault and blob zones in the shared stack", () => {
    expect(
      resources("prod-shared", "azurerm_private_dns_zone")
        .map(([, z]) => z.name)
        .sort(),
    ).toEqual([...allZones].sort());
  });

  it.each(regions)("%s: the zone group names the shared stack's zones", (stack) => {
    const group = accountEndpoint(stack).private_dns_zone_group;
    const named = group.private_dns_zone_ids.map((ref: string) => producerValue(stack, ref));
    const zoneAddress = (zone: string) =>
      resources("prod-shared", "azurerm_private_dns_zone").find(([, z]) => z.name === zone)![0];
    expect(named).toEqual(zones.map((z) => `\${azurerm_private_dns_zone.${zoneAddress(z)}.id}`));
  });

  it("links each zone to every region's VNet", () => {
    for (const zone of allZones) {
      const linked = regions.map((stack) => {
        const links = resources(stack, "azurerm_private_dns_zone_virtual_network_link").filter(
          ([, l]) => l.private_dns_zone_name === zone,
        );
        expect(links).toHaveLength(1);
        const [, link] = links[0]!;
        expect(link.resource_group_name).toBe(only("prod-shared", "azurerm_resource_group").name);
        expect(link.registration_enabled).toBe(false);
        return link.virtual_network_id;
      });
      expect(linked).toEqual(regions.map(() => "${azurerm_virtual_network.network.id}"));
    }
  });

  it.each(regions)("%s: the endpoint sits in the private-endpoint subnet, guarded by the NSG", (stack) => {
    const endpoint = accountEndpoint(stack);
    expect(endpoint.subnet_id).toBe("${azurerm_subnet.network_private_endpoint_subnet.id}");
    const subnet = only(stack, "azurerm_subnet");
    expect(subnet).toMatchObject({
      private_endpoint_network_policies: "Enabled",
      default_outbound_access_enabled: false,
    });
    expect(only(stack, "azurerm_subnet_network_security_group_association")).toEqual({
      subnet_id: "${azurerm_subnet.network_private_endpoint_subnet.id}",
      network_security_group_id: "${azurerm_network_security_group.network_nsg.id}",
    });
    const rules = Object.fromEntries(
      resources(stack, "azurerm_network_security_rule").map(([, r]) => [r.name, r]),
    );
    const vnet = only(stack, "azurerm_virtual_network");
    expect(rules["allow-https-from-clients"]).toMatchObject({
      access: "Allow",
      direction: "Inbound",
      destination_port_range: "443",
      source_address_prefixes: [...vnet.address_space, "10.50.0.0/16"],
      destination_address_prefix: subnet.address_prefixes[0],
    });
    expect(rules["deny-all-other-inbound"]).toMatchObject({
      access: "Deny",
      direction: "Inbound",
      priority: 4096,
      source_address_prefix: "*",
    });
  });

  it("gives each endpoint its static IP", () => {
    expect(accountEndpoint("prod-swedencentral").ip_configuration).toEqual([
      {
        name: "ip-pep-oai-aoai-prod-sdc-569806",
        private_ip_address: "10.40.0.10",
        subresource_name: "account",
        member_name: "default",
      },
    ]);
  });

  it("outputs the endpoint URL and the private IP", () => {
    expect(json("prod-swedencentral").output.openai_private_endpoint_ip.value).toBe(
      "${azurerm_private_endpoint.openai_private_endpoint.private_service_connection[0].private_ip_address}",
    );
    expect(json("prod-swedencentral").output.openai_endpoint.value).toBe(
      "${azurerm_cognitive_account.openai.endpoint}",
    );
  });
});

describe("landing-zone mode (lz)", () => {
  it("creates no VNet, subnet, NSG, zone or link", () => {
    for (const stack of ["lz-shared", "lz-swedencentral"]) {
      for (const type of [
        "azurerm_virtual_network",
        "azurerm_subnet",
        "azurerm_network_security_group",
        "azurerm_private_dns_zone",
        "azurerm_private_dns_zone_virtual_network_link",
      ]) {
        expect({ stack, type, found: resources(stack, type).length }).toEqual({ stack, type, found: 0 });
      }
    }
  });

  it("puts the endpoint in the existing subnet and registers it in the existing zones", () => {
    const endpoint = accountEndpoint("lz-swedencentral");
    const env = estate.environments.find((e) => e.name === "lz")!;
    const region = env.regions[0]!;
    expect(region.network.mode).toBe("landingZone");
    expect(endpoint.subnet_id).toBe(
      region.network.mode === "landingZone" && region.network.privateEndpointSubnetId,
    );
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([
      expect.stringMatching(/\/privateDnsZones\/privatelink\.openai\.azure\.com$/),
      expect.stringMatching(/\/privateDnsZones\/privatelink\.cognitiveservices\.azure\.com$/),
    ]);
  });

  it("lets trusted services through the account firewall as configured", () => {
    expect(only("lz-swedencentral", "azurerm_cognitive_account").network_acls).toEqual({
      default_action: "Deny",
      bypass: "AzureServices",
      ip_rules: [],
    });
  });
});

describe("a region stack without one of its DNS zones", () => {
  it("refuses to write an endpoint registered in no zone, naming the stack and the zone", () => {
    const dev = estate.environments.find((e) => e.name === "dev")!;
    const zones = Object.fromEntries(dev.shared.privateDnsZones.map((z) => [z, `/zones/${z}`]));
    delete zones["privatelink.openai.azure.com"];
    expect(
      () =>
        new RegionStack(testApp(), {
          env: dev,
          region: dev.regions[0]!,
          logAnalyticsWorkspaceId: "/workspaces/log",
          managedDnsZoneIds: zones,
        }),
    ).toThrow("dev-swedencentral: no private DNS zone ID for privatelink.openai.azure.com (managed mode)");
  });
});
