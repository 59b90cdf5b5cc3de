/**
 * What a reviewer must not miss, decided from the plan alone, so that it works on any plan of these
 * resources. Each rule names one class of risk; the review lists them before any detail and sets the
 * exit code by their severity.
 */
import { resolveRole } from "../../catalog/roles";
import { attributeDiffs, pathText, type AttributeDiff, type Classified } from "./changes";
import type { ResourceChange } from "./plan";

export type Severity = "high" | "medium";

export type RiskClass =
  | "destroys-state"
  | "downtime"
  | "widens-access"
  | "public-network"
  | "key-auth"
  | "network-opened"
  | "filter-weakened"
  | "capacity-or-type";

export interface Risk {
  readonly severity: Severity;
  readonly class: RiskClass;
  readonly address: string;
  readonly what: string;
}

/** Resources whose loss is more than a re-create: data, identity of an endpoint, keys, names. */
const STATEFUL: Record<string, string> = {
  azurerm_cognitive_account:
    "a new endpoint and identity; fine-tuned models, files and deployments on the old account are lost",
  azurerm_cognitive_deployment: "the deployment's name answers 404 until it is created again",
  azurerm_key_vault: "the vault of the encryption key; the account cannot decrypt its data without it",
  azurerm_key_vault_key: "the encryption key; data encrypted with it cannot be read without it",
  azurerm_cognitive_account_customer_managed_key: "the account's encryption key setting",
  azurerm_storage_account: "the data in the storage account",
  azurerm_storage_account_customer_managed_key: "the storage account's encryption key setting",
  azurerm_storage_container: "the blobs in the container",
  azurerm_private_dns_zone: "name resolution of every private endpoint registered in the zone",
  azurerm_log_analytics_workspace: "the audit logs kept in the workspace",
  azurerm_cognitive_account_rai_policy: "the content filter; deployments that name it fail until it is back",
};

const SEVERITY_ORDER = ["Low", "Medium", "High"];

export function risksOf(rc: ResourceChange, c: Classified): Risk[] {
  const risks: Risk[] = [];
  const add = (severity: Severity, riskClass: RiskClass, what: string) =>
    risks.push({ severity, class: riskClass, address: rc.address, what });
  const reason = [
    rc.action_reason && `reason: ${rc.action_reason}`,
    rc.change.replace_paths?.length && `forced by ${rc.change.replace_paths.map(pathText).join(", ")}`,
  ]
    .filter(Boolean)
    .join("; ");
  const suffix = reason ? ` (${reason})` : "";

  if (c.kind === "replace" || c.kind === "delete" || c.kind === "forget") {
    const verb =
      c.kind === "replace" ? "replaced" : c.kind === "delete" ? "destroyed" : "forgotten by Terraform";
    const stateful = STATEFUL[rc.type];
    add(
      stateful ? "high" : "medium",
      "destroys-state",
      `${verb}: ${stateful ?? "recreated from scratch"}${suffix}`,
    );
    if (c.replaceOrder === "delete-first")
      add(
        stateful ? "high" : "medium",
        "downtime",
        "destroyed before its replacement exists: a window without it",
      );
  }
  if (c.kind === "no-op" || c.kind === "read" || c.kind === "import" || c.kind === "move") return risks;

  const diffs = attributeDiffs(rc);
  const flip = (attribute: RegExp, from: string, to: string) =>
    diffs.find((d) => attribute.test(d.path) && d.before === from && d.after === to);

  if (rc.type === "azurerm_role_assignment" && (c.kind === "create" || c.kind === "replace")) {
    const after = rc.change.after as Record<string, unknown> | undefined;
    const roleId = String(after?.role_definition_id ?? after?.role_definition_name ?? "")
      .split("/")
      .pop()!;
    // The estate's role catalog says which roles can change access or read keys (Owner and the like).
    const role = resolveRole(roleId);
    const who = `${after?.principal_id ?? "(known after apply)"} (${after?.principal_type ?? "principal"})`;
    add(
      role?.privileged ? "high" : "medium",
      "widens-access",
      `grants ${role?.name ?? roleId} to ${who} at ${after?.scope ?? "(known after apply)"}`,
    );
  }
  if (rc.type === "azurerm_key_vault_access_policy" && (c.kind === "create" || c.kind === "update"))
    add("medium", "widens-access", "changes who may use the vault's keys");

  const publicFlip = flip(/(^|\.)public_network_access_enabled$/, "false", "true");
  if (publicFlip) add("high", "public-network", `public network access turned on (${publicFlip.path})`);
  const keyFlip =
    flip(/(^|\.)local_auth_enabled$/, "false", "true") ??
    flip(/(^|\.)shared_access_key_enabled$/, "false", "true");
  if (keyFlip)
    add("high", "key-auth", `key authentication turned on (${keyFlip.path}): keys bypass Entra ID and RBAC`);

  const opened = [
    flip(/default_action$/, "Deny", "Allow"),
    flip(/(^|\.)outbound_network_access_restricted$/, "true", "false"),
  ].filter((d): d is AttributeDiff => d !== undefined);
  const added = diffs.filter(
    (d) =>
      /(ip_rules|fqdns|virtual_network_subnet_ids)\[\d+\]$/.test(d.path) && d.after && d.after !== d.before,
  );
  for (const d of opened)
    add("high", "network-opened", `network access opened: ${d.path} ${d.before} → ${d.after}`);
  if (added.length)
    add(
      "medium",
      "network-opened",
      `allows more network sources: ${added.map((d) => `${d.path} = ${d.after}`).join(", ")}`,
    );

  if (rc.type === "azurerm_cognitive_account_rai_policy") {
    for (const w of weakenedFilters(rc.change.before, rc.change.after)) add("high", "filter-weakened", w);
  }
  if (rc.type === "azurerm_cognitive_deployment") {
    for (const d of diffs) {
      if (/^sku\[0\]\.name$/.test(d.path))
        add("high", "capacity-or-type", `deployment type ${d.before} → ${d.after}`);
      else if (/^sku\[0\]\.capacity$/.test(d.path))
        add("medium", "capacity-or-type", `capacity ${d.before} → ${d.after}`);
      else if (/^model\[0\]\.(name|version)$/.test(d.path))
        add("medium", "capacity-or-type", `model ${d.path.split(".")[1]} ${d.before} → ${d.after}`);
      else if (d.path === "rai_policy_name")
        add("medium", "filter-weakened", `content filter ${d.before} → ${d.after}`);
    }
  }
  return risks;
}

interface Filter {
  name: string;
  source: string;
  filter_enabled?: boolean;
  block_enabled?: boolean;
  severity_threshold?: string;
}

/** Filters matched by name and source (their order in the list means nothing). */
function weakenedFilters(before: unknown, after: unknown): string[] {
  const list = (v: unknown) =>
    ((v as { content_filter?: Filter[] } | null)?.content_filter ?? []) as Filter[];
  const out: string[] = [];
  const afterByKey = new Map(list(after).map((f) => [`${f.name}/${f.source}`, f]));
  for (const b of list(before)) {
    const key = `${b.name}/${b.source}`;
    const a = afterByKey.get(key);
    if (!a) {
      out.push(`${key} filter removed`);
      continue;
    }
    if (b.filter_enabled && a.filter_enabled === false) out.push(`${key} filter turned off`);
    if (b.block_enabled && a.block_enabled === false) out.push(`${key} no longer blocks`);
    const from = SEVERITY_ORDER.indexOf(b.severity_threshold ?? "");
    const to = SEVERITY_ORDER.indexOf(a.severity_threshold ?? "");
    if (from >= 0 && to > from)
      out.push(`${key} blocks less: threshold ${b.severity_threshold} → ${a.severity_threshold}`);
  }
  const mode = (v: unknown) => (v as { mode?: string } | null)?.mode;
  if (mode(before) === "Default" && mode(after) === "Asynchronous_filter")
    out.push(
      "streaming filter mode Default → Asynchronous_filter: content may reach the client before it is filtered",
    );
  return out;
}
