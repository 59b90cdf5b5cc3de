/**
 * AiGateway: Azure API Management in internal VNet mode in front of the regional Azure OpenAI accounts:
 * one private endpoint for applications, the gateway's own identity towards the accounts (no keys), a
 * backend per regional deployment with a circuit breaker, and the routing policy the estate generates.
 *
 * Azure facts that shaped it (azurerm v4.55.0 api_management*, learn.microsoft.com/azure/api-management
 * api-management-using-with-internal-vnet, ms.date 2026-08-24):
 * - internal VNet mode is Developer or Premium (classic); the subnet needs no delegation, an NSG, and
 *   the rules below; no public IP resource is needed since May 2024;
 * - private DNS: Microsoft advises a zone per full host name (`<name>.azure-api.net`), not one for
 *   azure-api.net; the A record points at the gateway's private IP;
 * - backends: azurerm has no backend pools (azapi only), so the policy picks the backend per attempt;
 *   each backend's circuit breaker trips on 429 and 5xx and honours Retry-After;
 * - `public_network_access_enabled` must be true at creation (management plane only; the gateway
 *   itself is internal).
 */
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { GATEWAY_ROLES } from "../../catalog/roles";
import { Access } from "../access";
import {
  ApiManagement,
  ApiManagementApi,
  ApiManagementApiOperation,
  ApiManagementApiPolicy,
  ApiManagementBackend,
  type MonitorMetricAlertCriteria,
  NetworkSecurityGroup,
  PrivateDnsARecord,
  PrivateDnsZone,
  PrivateDnsZoneVirtualNetworkLink,
  Subnet,
  SubnetNetworkSecurityGroupAssociation,
} from "../azurerm";

import { addMetricAlert } from "../metric-alert";
import { addDiagnostics, type DiagnosticsOptions } from "../resource-options";
import { PropError, requireOneOf } from "../validation";
import { GATEWAY_SKUS, type GatewaySku } from "../../catalog/api-management";

type MetricCriteria = Omit<MonitorMetricAlertCriteria, "metricNamespace">;

/** NSG rules internal mode needs (Microsoft's minimum for classic stv2), plus HTTPS from the clients. */
const NSG_RULES = [
  {
    name: "allow-management-3443",
    direction: "Inbound",
    port: "3443",
    from: "ApiManagement",
    to: "VirtualNetwork",
  },
  {
    name: "allow-load-balancer-6390",
    direction: "Inbound",
    port: "6390",
    from: "AzureLoadBalancer",
    to: "VirtualNetwork",
  },
  {
    name: "allow-clients-443",
    direction: "Inbound",
    port: "443",
    from: "VirtualNetwork",
    to: "VirtualNetwork",
  },
  { name: "allow-storage-443", direction: "Outbound", port: "443", from: "VirtualNetwork", to: "Storage" },
  { name: "allow-sql-1433", direction: "Outbound", port: "1433", from: "VirtualNetwork", to: "Sql" },
  {
    name: "allow-key-vault-443",
    direction: "Outbound",
    port: "443",
    from: "VirtualNetwork",
    to: "AzureKeyVault",
  },
  {
    name: "allow-monitor",
    direction: "Outbound",
    ports: ["1886", "443"],
    from: "VirtualNetwork",
    to: "AzureMonitor",
  },
  {
    name: "allow-certificates-80",
    direction: "Outbound",
    port: "80",
    from: "VirtualNetwork",
    to: "Internet",
  },
] as const;

export interface AiGatewayBackend {
  /** Backend ID the policy names (`set-backend-service backend-id`). */
  readonly id: string;
  /** The account's OpenAI base URL: `https://<subdomain>.openai.azure.com/openai`. */
  readonly url: string;
}

export interface AiGatewayProps extends DiagnosticsOptions {
  /** Global: the gateway answers at `https://<name>.azure-api.net`. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subscriptionId: string;
  /**
   * @default "Developer_1"
   */
  readonly sku?: GatewaySku;
  readonly publisherName: string;
  readonly publisherEmail: string;
  /**
   * The gateway subnet: created in this VNet (with its NSG), or an existing one (a landing zone's).
   */
  readonly subnet:
    | {
        readonly virtualNetworkName: string;
        readonly resourceGroupName: string;
        readonly addressPrefix: string;
      }
    | { readonly id: string };
  readonly backends: readonly AiGatewayBackend[];
  /** Accounts the gateway calls: its identity gets Cognitive Services OpenAI User on each. */
  readonly accounts: readonly { readonly key: string; readonly resourceId: string }[];
  /** The API policy (the estate generates it). */
  readonly policyXml: string;
  /**
   * Action group the gateway's throttling alert notifies.
   * @default none
   */
  readonly actionGroupId?: string;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class AiGateway extends Construct {
  readonly id: string;
  /** `https://<name>.azure-api.net`. */
  readonly gatewayUrl: string;
  readonly principalId: string;

  constructor(scope: Construct, id: string, props: AiGatewayProps) {
    super(scope, id);
    const sku = props.sku ?? "Developer_1";
    requireOneOf(this, "sku", sku, GATEWAY_SKUS);
    if (props.backends.length === 0) throw new PropError(this, "backends", [], "needs at least one backend");
    const tags = { ...props.tags };

    let subnetId: string;
    let vnetId: string | undefined;
    if ("id" in props.subnet) subnetId = props.subnet.id;
    else {
      const s = props.subnet;
      const subnet = new Subnet(this, "subnet", {
        name: "snet-apim",
        virtualNetworkName: s.virtualNetworkName,
        resourceGroupName: s.resourceGroupName,
        addressPrefixes: [s.addressPrefix],
      });
      const nsg = new NetworkSecurityGroup(this, "nsg", {
        name: `nsg-${props.name}`,
        location: props.location,
        resourceGroupName: s.resourceGroupName,
        securityRule: NSG_RULES.map((r, i) => ({
          name: r.name,
          priority: 100 + i * 10,
          direction: r.direction,
          access: "Allow",
          protocol: "Tcp",
          sourcePortRange: "*",
          ...("ports" in r ? { destinationPortRanges: [...r.ports] } : { destinationPortRange: r.port }),
          sourceAddressPrefix: r.from,
          destinationAddressPrefix: r.to,
        })),
        tags,
      });
      new SubnetNetworkSecurityGroupAssociation(this, "nsg_association", {
        subnetId: subnet.id,
        networkSecurityGroupId: nsg.id,
      });
      subnetId = subnet.id;
      vnetId = `/subscriptions/${props.subscriptionId}/resourceGroups/${s.resourceGroupName}/providers/Microsoft.Network/virtualNetworks/${s.virtualNetworkName}`;
    }

    const apim = new ApiManagement(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      publisherName: props.publisherName,
      publisherEmail: props.publisherEmail,
      skuName: sku,
      virtualNetworkType: "Internal",
      virtualNetworkConfiguration: { subnetId },
      identity: { type: "SystemAssigned" },
      tags,
    });
    this.id = apim.id;
    this.principalId = apim.identity.principalId;
    this.gatewayUrl = `https://${props.name}.azure-api.net`;

    if (vnetId) {
      // A zone for the gateway's own host name only, as Microsoft advises for internal mode.
      const zone = new PrivateDnsZone(this, "dns_zone", {
        name: `${props.name}.azure-api.net`,
        resourceGroupName: props.resourceGroupName,
        tags,
      });
      new PrivateDnsARecord(this, "dns_record", {
        name: "@",
        zoneName: zone.name,
        resourceGroupName: props.resourceGroupName,
        ttl: 300,
        records: [Fn.element(apim.privateIpAddresses, 0)],
        tags,
      });
      new PrivateDnsZoneVirtualNetworkLink(this, "dns_link", {
        name: "link-gateway-vnet",
        privateDnsZoneName: zone.name,
        resourceGroupName: props.resourceGroupName,
        virtualNetworkId: vnetId,
        registrationEnabled: false,
        tags,
      });
    }

    // The gateway calls every account as itself: inference only.
    const inference = GATEWAY_ROLES.inference;
    new Access(this, "access", {
      subscriptionId: props.subscriptionId,
      grants: props.accounts.map((a) => ({
        key: `inference-${a.key}`,
        principal: {
          objectId: this.principalId,
          key: `gateway-${props.name}`,
          type: "ServicePrincipal",
          displayName: props.name,
        },
        roleId: inference.id,
        roleName: inference.name,
        scope: a.resourceId,
        scopeId: a.resourceId,
      })),
    });

    for (const b of props.backends) {
      new ApiManagementBackend(this, `backend_${b.id}`, {
        name: b.id,
        apiManagementName: apim.name,
        resourceGroupName: props.resourceGroupName,
        protocol: "http",
        url: b.url,
        // No credentials: the policy authenticates with the gateway's managed identity.
        circuitBreakerRule: {
          name: "trip-on-throttling-or-errors",
          tripDuration: "PT1M",
          acceptRetryAfterEnabled: true,
          failureCondition: {
            count: 3,
            intervalDuration: "PT5M",
            statusCodeRange: [
              { min: 429, max: 429 },
              { min: 500, max: 599 },
            ],
          },
        },
      });
    }

    const api = new ApiManagementApi(this, "api", {
      name: "azure-openai",
      apiManagementName: apim.name,
      resourceGroupName: props.resourceGroupName,
      revision: "1",
      displayName: "Azure OpenAI",
      path: "openai",
      protocols: ["https"],
      // Keyless: callers present Entra ID tokens, which the policy validates; no subscription keys.
      subscriptionRequired: false,
    });
    for (const method of ["GET", "POST"]) {
      new ApiManagementApiOperation(this, `operation_${method.toLowerCase()}`, {
        operationId: `all-${method.toLowerCase()}`,
        apiName: api.name,
        apiManagementName: apim.name,
        resourceGroupName: props.resourceGroupName,
        displayName: `${method} /*`,
        method,
        urlTemplate: "/*",
      });
    }
    new ApiManagementApiPolicy(this, "policy", {
      apiName: api.name,
      apiManagementName: apim.name,
      resourceGroupName: props.resourceGroupName,
      xmlContent: props.policyXml,
    });

    addDiagnostics(this, apim.id, props.diagnostics);
    // The gateway's own health: what callers see (metric Requests, dimensions per Microsoft's reference).
    const target = {
      id: apim.id,
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      actionGroupId: props.actionGroupId,
      tags,
    };
    const gatewayAlert = (
      key: string,
      severity: number,
      window: string,
      what: string,
      criterion: MetricCriteria,
    ) =>
      addMetricAlert(this, `alerts_${key}`, target, {
        key,
        what,
        severity,
        window,
        criterion: { metricNamespace: "Microsoft.ApiManagement/service", ...criterion },
      });
    gatewayAlert(
      "throttling",
      2,
      "PT5M",
      "HTTP 429 answered to callers (team token limits, or every backend throttling)",
      {
        metricName: "Requests",
        aggregation: "Total",
        operator: "GreaterThan",
        threshold: 25,
        dimension: [{ name: "GatewayResponseCode", operator: "Include", values: ["429"] }],
      },
    );
    gatewayAlert(
      "server_errors",
      1,
      "PT5M",
      "HTTP 5xx answered to callers: every backend failing, or the gateway",
      {
        metricName: "Requests",
        aggregation: "Total",
        operator: "GreaterThan",
        threshold: 10,
        dimension: [{ name: "GatewayResponseCodeCategory", operator: "Include", values: ["5xx"] }],
      },
    );
    gatewayAlert("duration", 3, "PT15M", "slow responses through the gateway", {
      metricName: "Duration",
      aggregation: "Average",
      operator: "GreaterThan",
      threshold: 15_000,
    });
  }
}
