/**
 * The bundled example estate (config/environments), synthesized as `npm run synth` does it.
 */
import { machineIndependent } from "../helpers";
import { synthBundledEstate } from "./bundled";

const { estate, synthesized, json, resources, regionStacks } = synthBundledEstate();

const UNTAGGABLE = new Set([
  "azapi_resource",
  "azapi_update_resource",
  "azurerm_cognitive_account_rai_blocklist",
  "azurerm_storage_container",
  "azurerm_storage_account_customer_managed_key",
  "azurerm_cognitive_account_customer_managed_key",
  "azurerm_key_vault_access_policy",
  "azurerm_role_assignment",
  "azurerm_security_center_subscription_pricing",
  "azurerm_subscription_policy_assignment",
  "azurerm_management_lock",
  "azurerm_cognitive_deployment",
  "azurerm_monitor_diagnostic_setting",
  "azurerm_network_security_rule",
  "azurerm_subnet",
  "azurerm_subnet_network_security_group_association",
  "azurerm_api_management_api",
  "azurerm_api_management_api_operation",
  "azurerm_api_management_api_policy",
  "azurerm_api_management_backend",
]);

describe("the bundled estate", () => {
  it("has a shared stack per environment and a stack per region", () => {
    expect([...synthesized.keys()].sort()).toEqual([
      "dev-shared",
      "dev-swedencentral",
      "lz-shared",
      "lz-swedencentral",
      "prod-francecentral",
      "prod-gateway",
      "prod-shared",
      "prod-swedencentral",
    ]);
  });

  it("moves the grants that became their resources' own, instead of replacing them", () => {
    const moved = Object.fromEntries(
      [...synthesized].map(([stack, j]) => [stack, (j.moved ?? []) as { from: string; to: string }[]]),
    );
    expect(moved["prod-swedencentral"]).toEqual([
      {
        from: "azurerm_role_assignment.access_chat_app_inference",
        to: "azurerm_role_assignment.openai_access_chat_app_inference",
      },
      {
        from: "azurerm_role_assignment.fine_tuning_access_account_reader",
        to: "azurerm_role_assignment.fine_tuning_storage_access_account_reader",
      },
      {
        from: "azurerm_role_assignment.fine_tuning_access_writer_4b8395a6",
        to: "azurerm_role_assignment.fine_tuning_storage_access_writer_4b8395a6",
      },
    ]);
    // Every move lands on a resource of the stack, from an address the stack no longer has.
    for (const [stack, moves] of Object.entries(moved)) {
      const j = synthesized.get(stack)!;
      const has = (address: string) => {
        const [type, name] = address.split(".") as [string, string];
        return j.resource?.[type]?.[name] !== undefined;
      };
      for (const m of moves)
        expect([stack, m.to, has(m.to), has(m.from)]).toEqual([stack, m.to, true, false]);
    }
  });

  it("keeps its Terraform addresses (renaming one destroys and recreates the resource)", () => {
    const addresses = Object.fromEntries(
      [...synthesized].map(([stack, j]) => [
        stack,
        Object.entries<Record<string, unknown>>(j.resource)
          .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
          .sort(),
      ]),
    );
    const network = (zones: string[]) => [
      "azurerm_network_security_group.network_nsg",
      "azurerm_network_security_rule.network_nsg_allow_https_inbound",
      "azurerm_network_security_rule.network_nsg_deny_all_inbound",
      ...zones.map((z) => `azurerm_private_dns_zone_virtual_network_link.network_dns_link_privatelink_${z}`),
      "azurerm_subnet.network_private_endpoint_subnet",
      "azurerm_subnet_network_security_group_association.network_nsg_association",
      "azurerm_virtual_network.network",
    ];
    const customerManagedKey = (administrator: string) => [
      "azurerm_cognitive_account_customer_managed_key.cmk_attachment",
      "azurerm_key_vault.cmk_key_vault",
      "azurerm_key_vault_access_policy.cmk_account_access",
      `azurerm_key_vault_access_policy.cmk_administrator_${administrator}`,
      "azurerm_key_vault_key.cmk_key",
      "azurerm_management_lock.cmk_key_vault_Lock",
      "azurerm_monitor_diagnostic_setting.cmk_key_vault_diagnostics",
      "azurerm_private_endpoint.cmk_private_endpoint",
    ];
    // prod's blocklist: one item per term, named by a hash of the term.
    const prodBlocklist = [
      "azurerm_cognitive_account_rai_blocklist.blocklist_internal_codenames",
      ...estate.environments
        .find((e) => e.name === "prod")!
        .blocklists[0]!.items.map(
          (i) => `azapi_resource.blocklist_internal_codenames_${i.name.replace(/-/g, "_")}`,
        ),
    ];
    // prod encrypts fine-tuning data with the region's customer-managed key.
    const fineTuning = (writer: string) => [
      "azurerm_key_vault_access_policy.cmk_fine_tuning_storage_access",
      "azurerm_management_lock.fine_tuning_storage_Lock",
      "azurerm_monitor_diagnostic_setting.fine_tuning_storage_diagnostics",
      "azurerm_private_endpoint.fine_tuning_storage_private_endpoint",
      "azurerm_role_assignment.fine_tuning_storage_access_account_reader",
      `azurerm_role_assignment.fine_tuning_storage_access_writer_${writer}`,
      "azurerm_storage_account.fine_tuning_storage",
      "azurerm_storage_account_customer_managed_key.fine_tuning_storage_customer_managed_key",
      "azurerm_storage_container.fine_tuning_storage_container_training",
      "azurerm_storage_container.fine_tuning_storage_container_validation",
    ];
    const region = (
      deployments: string[],
      o: {
        locked: boolean;
        networkZones?: string[];
        cmkAdministrator?: string;
        access: string[];
        filters?: string[];
        extra?: string[];
      },
    ) =>
      [
        "azurerm_cognitive_account.openai",
        ...deployments.map((d) => `azurerm_cognitive_deployment.deployment_${d}`),
        ...(o.locked ? ["azurerm_management_lock.openai_Lock"] : []),
        "azurerm_monitor_diagnostic_setting.openai_diagnostics",
        // Every deployment here is pay-per-token: each has its usage alert.
        ...["availability", "throttling", "time_to_response", ...deployments.map((d) => `usage_${d}`)].map(
          (a) => `azurerm_monitor_metric_alert.openai_alerts_${a}`,
        ),
        "azurerm_private_endpoint.openai_private_endpoint",
        "azurerm_resource_group.resource_group",
        ...(o.networkZones ? network(o.networkZones) : []),
        ...(o.cmkAdministrator ? customerManagedKey(o.cmkAdministrator) : []),
        ...o.access.map((a) => `azurerm_role_assignment.${a}`),
        // A custom filter is its policy plus the azapi write of its (possibly empty) blocklist list.
        ...(o.filters ?? []).flatMap((f) => [
          `azurerm_cognitive_account_rai_policy.content_filter_${f}`,
          `azapi_update_resource.content_filter_${f}_blocklists`,
        ]),
        ...(o.extra ?? []),
      ].sort();
    const policies = [
      "customer_managed_key",
      "defender_for_ai",
      "diagnostic_logs",
      "disable_local_auth",
      "managed_identity",
      "private_link",
      "restrict_network",
    ].map((p) => `azurerm_subscription_policy_assignment.policy_${p}`);
    const shared = (o: {
      locked: boolean;
      zones: string[];
      policies: boolean;
      defender: boolean;
      access: string[];
      actionGroup?: boolean;
    }) =>
      [
        "azurerm_log_analytics_workspace.log_analytics",
        ...(o.actionGroup ? ["azurerm_monitor_action_group.action_group"] : []),
        ...(o.locked ? ["azurerm_management_lock.log_analytics_Lock"] : []),
        ...o.zones.map((z) => `azurerm_private_dns_zone.private_dns_privatelink_${z}`),
        "azurerm_resource_group.resource_group",
        ...(o.policies ? policies : []),
        ...(o.defender ? ["azurerm_security_center_subscription_pricing.defender_for_ai"] : []),
        ...o.access.map((a) => `azurerm_role_assignment.access_${a}`),
      ].sort();
    const openAiZones = ["cognitiveservices_azure_com", "openai_azure_com"];
    const prodZones = [...openAiZones, "vaultcore_azure_net", "blob_core_windows_net"];
    const prodRegion = {
      locked: true,
      networkZones: prodZones,
      cmkAdministrator: "0d4f5162",
      access: ["openai_access_chat_app_inference", "access_ai_engineers_model_management"],
      filters: ["prod_chat"],
    };
    expect(addresses).toEqual({
      "dev-shared": shared({
        locked: false,
        zones: openAiZones,
        policies: true,
        defender: false,
        access: [],
      }),
      "dev-swedencentral": region(["chat", "embeddings", "images"], {
        locked: false,
        networkZones: openAiZones,
        access: ["openai_access_developers_model_management"],
        filters: ["dev_chat"],
      }),
      "lz-shared": shared({ locked: true, zones: [], policies: false, defender: false, access: [] }),
      "lz-swedencentral": region(["chat", "embeddings"], {
        locked: true,
        cmkAdministrator: "2f617384",
        access: ["openai_access_search_inference"],
      }),
      "prod-shared": shared({
        locked: true,
        zones: prodZones,
        policies: true,
        defender: true,
        access: ["platform_ops_usage_reader", "platform_ops_monitoring_reader"],
        actionGroup: true,
      }),
      "prod-swedencentral": region(["chat", "embeddings", "reasoning", "search_embeddings"], {
        ...prodRegion,
        extra: [...prodBlocklist, ...fineTuning("4b8395a6")],
      }),
      "prod-francecentral": region(["chat", "embeddings", "reasoning", "search_embeddings"], {
        ...prodRegion,
        extra: prodBlocklist,
      }),
      "prod-gateway": [
        "azapi_resource.usage_diagnostic",
        "azapi_resource.usage_logger",
        "azapi_update_resource.usage_dimensions",
        "azurerm_api_management.gateway",
        "azurerm_api_management_api.gateway_api",
        "azurerm_api_management_api_operation.gateway_operation_get",
        "azurerm_api_management_api_operation.gateway_operation_post",
        "azurerm_api_management_api_policy.gateway_policy",
        ...["reasoning", "search_embeddings"].flatMap((w) =>
          ["francecentral", "swedencentral"].map(
            (r) => `azurerm_api_management_backend.gateway_backend_${w}_${r}`,
          ),
        ),
        "azurerm_application_insights.usage",
        "azurerm_application_insights_workbook.usage_workbook",
        "azurerm_monitor_diagnostic_setting.gateway_diagnostics",
        ...["duration", "server_errors", "throttling"].map(
          (a) => `azurerm_monitor_metric_alert.gateway_alerts_${a}`,
        ),
        "azurerm_network_security_group.gateway_nsg",
        "azurerm_private_dns_a_record.gateway_dns_record",
        "azurerm_private_dns_zone.gateway_dns_zone",
        "azurerm_private_dns_zone_virtual_network_link.gateway_dns_link",
        "azurerm_role_assignment.gateway_access_inference_francecentral",
        "azurerm_role_assignment.gateway_access_inference_swedencentral",
        "azurerm_role_assignment.usage_access_metrics_publisher",
        "azurerm_subnet.gateway_subnet",
        "azurerm_subnet_network_security_group_association.gateway_nsg_association",
      ],
    });
  });

  it.each(regionStacks)("%s: the account has every secure attribute written out", (stack) => {
    const [[, account]] = resources(stack, "azurerm_cognitive_account") as [[string, any]];
    expect(account).toMatchObject({
      kind: "OpenAI",
      sku_name: "S0",
      public_network_access_enabled: false,
      local_auth_enabled: false,
      outbound_network_access_restricted: true,
      network_acls: { default_action: "Deny" },
      identity: { type: "SystemAssigned" },
      custom_subdomain_name: account.name,
    });
  });

  it.each(regionStacks)(
    "%s: account operations run one at a time: key, blocklists and filters first, then each deployment",
    (stack) => {
      const r = json(stack).resource;
      const deployments = resources(stack, "azurerm_cognitive_deployment");
      expect(deployments.length).toBeGreaterThan(1);
      const configured = estate.environments
        .flatMap((e) => e.regions)
        .find((r) => r.stackName === stack)!
        .account.deployments.map((d) => d.name);
      const byName = new Map(deployments.map(([address, d]) => [d.name as string, { address, d }]));
      expect([...byName.keys()].sort()).toEqual([...configured].sort());

      // Every other operation on the account, in the chain before the first deployment.
      const operationTypes = [
        "azurerm_cognitive_account_customer_managed_key",
        "azurerm_cognitive_account_rai_blocklist",
        "azapi_resource",
        "azurerm_cognitive_account_rai_policy",
        "azapi_update_resource",
      ];
      const operations = operationTypes.flatMap((t) => Object.keys(r[t] ?? {}).map((n) => `${t}.${n}`));
      const dependsOn = (address: string): string[] => {
        const [type, name] = address.split(".") as [string, string];
        return r[type][name].depends_on ?? [];
      };
      const ancestors = (address: string): Set<string> => {
        const seen = new Set<string>();
        const walk = (a: string) => dependsOn(a).forEach((d) => !seen.has(d) && (seen.add(d), walk(d)));
        walk(address);
        return seen;
      };
      const first = `azurerm_cognitive_deployment.${byName.get(configured[0]!)!.address}`;
      expect([...ancestors(first)]).toEqual(expect.arrayContaining(operations));
      // One chain: each operation waits for exactly one other (or none, the first).
      expect(
        operations.filter((o) => dependsOn(o).filter((d) => operations.includes(d)).length === 0),
      ).toHaveLength(operations.length > 0 ? 1 : 0);

      configured.forEach((name, i) => {
        const { d } = byName.get(name)!;
        if (i > 0)
          expect(d.depends_on).toEqual([
            `azurerm_cognitive_deployment.${byName.get(configured[i - 1]!)!.address}`,
          ]);
        expect(d.cognitive_account_id).toBe("${azurerm_cognitive_account.openai.id}");
      });
    },
  );

  // Terraform parses depends_on and replace_triggered_by as bare references: "${…}" there is a syntax
  // error that no provider sees, and a name that is not in the stack fails at plan.
  it.each([...synthesized.keys()])(
    "%s: writes bare references to its own resources in meta-arguments",
    (stack) => {
      const r = json(stack);
      const declared = new Set(
        ["resource", "data"].flatMap((kind) =>
          Object.entries<Record<string, unknown>>(r[kind] ?? {}).flatMap(([type, byName]) =>
            Object.keys(byName).map((name) => (kind === "data" ? `data.${type}.${name}` : `${type}.${name}`)),
          ),
        ),
      );
      const references = Object.values<Record<string, any>>(r.resource).flatMap((byName) =>
        Object.values(byName).flatMap((block) => [
          ...(block.depends_on ?? []),
          ...(block.lifecycle?.replace_triggered_by ?? []),
        ]),
      );
      if (regionStacks.includes(stack)) expect(references.length).toBeGreaterThan(0);
      for (const reference of references) {
        expect(reference).toMatch(/^(data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+(\.[a-z_]+)?$/);
        expect(declared).toContain(
          reference
            .split(".")
            .slice(0, reference.startsWith("data.") ? 3 : 2)
            .join("."),
        );
      }
    },
  );

  it.each(regionStacks)(
    "%s: sends the account's logs to the environment's workspace across stacks",
    (stack) => {
      const env = stack.split("-")[0]!;
      const setting = resources(stack, "azurerm_monitor_diagnostic_setting").find(
        ([address]) => address === "openai_diagnostics",
      )![1];
      expect(setting.target_resource_id).toBe("${azurerm_cognitive_account.openai.id}");
      const ref = setting.log_analytics_workspace_id.match(
        /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_(\w+)\.outputs\.(\w+)\}$/,
      );
      expect(ref?.[1]).toBe(`${env}_shared`);
      expect(json(`${env}-shared`).output[ref![2]].value).toBe(
        "${azurerm_log_analytics_workspace.log_analytics.id}",
      );
      expect(setting.enabled_log).toEqual([{ category_group: "audit" }, { category_group: "allLogs" }]);
    },
  );

  it("protects prod: locks, prevent_destroy and no purge on destroy", () => {
    for (const stack of ["prod-swedencentral", "prod-francecentral"]) {
      const [[, account]] = resources(stack, "azurerm_cognitive_account") as [[string, any]];
      // The key attachment owns customer_managed_key; the account ignores its inline block.
      expect(account.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["customer_managed_key"] });
      const locks = Object.fromEntries(resources(stack, "azurerm_management_lock"));
      expect(locks.openai_Lock).toMatchObject({
        lock_level: "CanNotDelete",
        scope: "${azurerm_cognitive_account.openai.id}",
      });
      expect(locks.cmk_key_vault_Lock).toMatchObject({
        lock_level: "CanNotDelete",
        scope: "${azurerm_key_vault.cmk_key_vault.id}",
      });
      expect(json(stack).resource.azurerm_key_vault.cmk_key_vault.lifecycle).toEqual({
        prevent_destroy: true,
      });
      expect(json(stack).resource.azurerm_key_vault_key.cmk_key.lifecycle).toMatchObject({
        prevent_destroy: true,
      });
    }
    const [[, workspaceLock]] = resources("prod-shared", "azurerm_management_lock") as [[string, any]];
    expect(workspaceLock.scope).toBe("${azurerm_log_analytics_workspace.log_analytics.id}");
    for (const stack of ["prod-shared", "prod-swedencentral", "prod-francecentral"]) {
      expect(json(stack).provider.azurerm[0].features[0].cognitive_account).toEqual([
        { purge_soft_delete_on_destroy: false },
      ]);
    }
  });

  it("lets dev purge on destroy and carries no locks there", () => {
    for (const stack of ["dev-shared", "dev-swedencentral"]) {
      expect(json(stack).provider.azurerm[0].features[0].cognitive_account).toEqual([
        { purge_soft_delete_on_destroy: true },
      ]);
      expect(resources(stack, "azurerm_management_lock")).toEqual([]);
    }
  });

  it("keeps prod state in Azure Storage reached with Entra ID, one state file per stack", () => {
    for (const stack of ["prod-shared", "prod-swedencentral"]) {
      expect(json(stack).terraform.backend.azurerm).toEqual({
        resource_group_name: "rg-tfstate-prod",
        storage_account_name: "sttfstateprod001",
        container_name: "tfstate",
        key: `${stack}.tfstate`,
        use_azuread_auth: true,
        use_oidc: true,
      });
    }
  });

  it("outputs endpoints and identities, never a key or secret", () => {
    let outputs = 0;
    for (const [stack, j] of synthesized) {
      for (const [name, output] of Object.entries<any>(j.output ?? {})) {
        outputs++;
        // Neither an account key, a connection string, nor anything of the encryption key.
        expect(`${stack}.${name} ${JSON.stringify(output)}`).not.toMatch(
          /access_key|primary_key|secondary_key|connection_string|instrumentation_?key|sas_?token|secret|password|azurerm_key_vault_key/i,
        );
      }
    }
    expect(outputs).toBeGreaterThan(0);
    for (const [, account] of resources("prod-swedencentral", "azurerm_cognitive_account")) {
      expect(account.local_auth_enabled).toBe(false);
    }
    expect(json("dev-swedencentral").output.openai_endpoint.value).toBe(
      "${azurerm_cognitive_account.openai.endpoint}",
    );
  });

  it("tags every resource that takes tags with the platform's tags", () => {
    for (const [stack, j] of synthesized) {
      const env = stack.split("-")[0];
      for (const [type, byName] of Object.entries<Record<string, any>>(j.resource)) {
        for (const [name, r] of Object.entries(byName)) {
          // Types Azure or azurerm 4.55 gives no tags; any other type must carry them.
          if (UNTAGGABLE.has(type)) continue;
          expect({ at: `${type}.${name}`, tags: r.tags }).toMatchObject({
            tags: { environment: env, "managed-by": "azure-openai-platform" },
          });
        }
      }
    }
  });

  it.each([...synthesized.keys()])("%s matches its reviewed snapshot", (stack) => {
    expect(machineIndependent(json(stack))).toMatchSnapshot();
  });
});
