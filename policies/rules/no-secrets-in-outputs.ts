import { block, blocks, strings, type TfBlock } from "../document";
import type { Rule, Violation } from "../rule";

/**
 * A reference whose attribute (the segment after type and name) holds a key, a connection string with a
 * key, a SAS token or a secret: `${azurerm_storage_account.st.primary_access_key}`,
 * `${azurerm_servicebus_namespace.sb.default_primary_connection_string}`. Resource names do not count.
 */
const SECRET_ATTRIBUTE =
  /(?:^|[^\w.])(?:data\.)?[a-z][a-z0-9_]*\.[\w-]+(?:\[[^\]]*\])?\.(\w*(?:access_key|_key|connection_string|sas|sas_url_query_string|client_secret|password))\b/;
const SECRET_VALUE = /(?:^|[^\w.])(?:data\.)?azurerm_key_vault_secret\.[\w-]+(?:\[[^\]]*\])?\.value\b/;
const SECRET_DATA =
  /(?:^|[^\w.])data\.(azurerm_storage_account_sas|azurerm_storage_account_blob_container_sas)\./;
/** Attributes ending in _key that are identifiers, not secrets. */
const NOT_SECRET = /(?:_key_id|key_vault_key_id|_key_name|versionless_key_id|public_key\w*)$/;
/** Backend and provider settings that carry a credential. */
const SECRET_SETTINGS = [
  "access_key",
  "sas_token",
  "client_secret",
  "client_certificate_password",
  "client_certificate",
];
/** Variable names of credentials; names and IDs of them are not credentials. */
const SECRET_NAME = /(secret|password|access_?key|sas_?token|api_?key|connection_?string)/i;
const NOT_SECRET_NAME = /(_name|_id|_uri|_url)$/i;

function readsSecret(text: string): boolean {
  if (!text.includes("${")) return false;
  const attribute = SECRET_ATTRIBUTE.exec(text)?.[1];
  return (
    (attribute !== undefined && !NOT_SECRET.test(attribute)) ||
    SECRET_VALUE.test(text) ||
    SECRET_DATA.test(text)
  );
}

/** Whether a value reads a secret, directly or through the locals it names. */
function carriesSecret(
  value: unknown,
  locals: Readonly<Record<string, unknown>>,
  seen = new Set<string>(),
): boolean {
  return strings(value).some((s) => {
    if (readsSecret(s)) return true;
    return [...s.matchAll(/\blocal\.([\w-]+)/g)].some(([, name]) => {
      if (seen.has(name!)) return false;
      seen.add(name!);
      return carriesSecret(locals[name!], locals, seen);
    });
  });
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
    const locals = Object.assign({}, ...blocks(stack.json["locals"])) as Record<string, unknown>;
    for (const o of stack.outputs)
      if (carriesSecret(o.values["value"], locals))
        flag(o, "its value reads a key, connection string, SAS token or secret");
    for (const v of stack.variables)
      if (SECRET_NAME.test(v.name) && !NOT_SECRET_NAME.test(v.name) && v.values["default"] !== undefined)
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
