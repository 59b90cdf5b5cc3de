import { block, strings, type TfBlock } from "../document";
import type { Rule, Violation } from "../rule";

/** Attributes that hold keys, connection strings with keys, SAS tokens or client secrets. */
const SECRET_ATTRIBUTE =
  /\.(primary_access_key|secondary_access_key|primary_key|secondary_key|primary_connection_string|secondary_connection_string|primary_blob_connection_string|secondary_blob_connection_string|sas|sas_url_query_string|client_secret|password)\b|\bazurerm_key_vault_secret\.[A-Za-z0-9_-]+\.value\b/;
const SECRET_DATA =
  /\bdata\.(azurerm_storage_account_sas|azurerm_storage_account_blob_container_sas|azurerm_key_vault_secret)\./;
/** Backend and provider settings that carry a credential. */
const SECRET_SETTINGS = [
  "access_key",
  "sas_token",
  "client_secret",
  "client_certificate_password",
  "client_certificate",
];
const SECRET_NAME = /(secret|password|access_?key|sas_?token|api_?key|connection_?string)/i;

function carriesSecret(value: unknown): boolean {
  return strings(value).some((s) => s.includes("${") && (SECRET_ATTRIBUTE.test(s) || SECRET_DATA.test(s)));
}

export const noSecretsInOutputs: Rule = {
  id: "AOAI-SEC1",
  level: "error",
  title: "No output, variable, backend or provider setting carries a key, SAS token or client secret",
  rationale:
    "Outputs are stored in plain text in state and passed to consuming stacks through remote state; a " +
    "credential in the backend or provider block sits in the repository. The estate is keyless: identities " +
    "use Entra ID and OIDC.",
  fix: "Remove the credential; grant the consumer a role and let it authenticate with its own identity (OIDC in CI).",
  sources: {
    guidance: [
      "developer.hashicorp.com/terraform/language/values/outputs#sensitive",
      "learn.microsoft.com/azure/ai-services/authentication",
    ],
  },
  check({ stack }) {
    const found: Violation[] = [];
    const flag = (target: TfBlock, detail: string) => found.push({ target, detail });
    for (const o of stack.outputs)
      if (carriesSecret(o.values["value"]))
        flag(o, "its value reads a key, connection string, SAS token or secret");
    for (const v of stack.variables)
      if (SECRET_NAME.test(v.name) && v.values["default"] !== undefined)
        flag(v, "has a default value for a credential");
    for (const b of [...stack.backends, ...stack.providers]) {
      const settings = SECRET_SETTINGS.filter((k) => b.values[k] !== undefined);
      if (settings.length > 0) flag(b, `sets ${settings.join(", ")}`);
    }
    for (const d of stack.data.filter((x) => x.type === "data.terraform_remote_state")) {
      const settings = SECRET_SETTINGS.filter((k) => block(d.values["config"])?.[k] !== undefined);
      if (settings.length > 0) flag(d, `its backend config sets ${settings.join(", ")}`);
    }
    return found;
  },
};
