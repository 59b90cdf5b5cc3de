/**
 * The gateway's API policy, generated from the estate: Entra ID tokens only (no subscription keys), a
 * token limit per team, token metrics with the team as a dimension, the gateway's managed identity
 * towards the accounts, and per workload its backends in placement's order, moving to the next on 429 or
 * 5xx. Policy reference: learn.microsoft.com/azure/api-management (validate-azure-ad-token,
 * llm-token-limit ms.date 2026-04-01, llm-emit-token-metric 2026-05-27, authentication-managed-identity,
 * set-backend-service, retry).
 */
import type { GatewayEstate } from "../types";
import { el, renderXml, type XmlElement } from "./xml";

/** The audience of Entra ID tokens for Azure OpenAI, and the resource the gateway's identity asks for. */
export const COGNITIVE_SERVICES = "https://cognitiveservices.azure.com";

/** C# policy expressions, as APIM evaluates them. */
const DEPLOYMENT =
  '@{ var s = context.Request.OriginalUrl.Path.Split(\'/\'); var i = Array.IndexOf(s, "deployments"); return i >= 0 && i + 1 < s.Length ? s[i + 1] : ""; }';
const CALLER =
  '@(context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Claims.GetValueOrDefault("appid", ""))';
const variable = (name: string) => `context.Variables.GetValueOrDefault<string>("${name}")`;
const ATTEMPT = 'context.Variables.GetValueOrDefault<int>("attempt")';

export function gatewayPolicy(gateway: GatewayEstate): XmlElement {
  const teamOf = el(
    "choose",
    {},
    ...gateway.teams.map((t) =>
      el(
        "when",
        {
          condition: `@(new[] { ${t.clientIds.map((c) => `"${c}"`).join(", ")} }.Contains(${variable("caller")}))`,
        },
        el("set-variable", { name: "team", value: t.name }),
      ),
    ),
  );
  const perTeam = el(
    "choose",
    {},
    ...gateway.teams.map((t) =>
      el(
        "when",
        { condition: `@(${variable("team")} == "${t.name}")` },
        // A workload the team may not call is refused before it costs tokens.
        el(
          "choose",
          {},
          el(
            "when",
            {
              condition: `@(!new[] { ${t.workloads.map((w) => `"${w}"`).join(", ")} }.Contains(${variable("deployment")}))`,
            },
            el(
              "return-response",
              {},
              el("set-status", { code: 403, reason: "Workload not allowed for this team" }),
            ),
          ),
        ),
        el("llm-token-limit", {
          "counter-key": t.name,
          "tokens-per-minute": t.tokensPerMinute,
          "estimate-prompt-tokens": "false",
          "remaining-tokens-header-name": "x-ratelimit-remaining-tokens",
        }),
      ),
    ),
    el(
      "otherwise",
      {},
      el(
        "return-response",
        {},
        el("set-status", { code: 403, reason: "Caller is not a team of this gateway" }),
      ),
    ),
  );
  const tries = Math.max(...gateway.workloads.map((w) => w.backends.length));
  const route = el(
    "choose",
    {},
    ...gateway.workloads.flatMap((w) =>
      w.backends.map((b, i) =>
        el(
          "when",
          {
            condition: `@(${variable("deployment")} == "${w.name}" && ${ATTEMPT} ${i === w.backends.length - 1 ? ">=" : "=="} ${i})`,
          },
          el("set-backend-service", { "backend-id": b.id }),
        ),
      ),
    ),
    el(
      "otherwise",
      {},
      el(
        "return-response",
        {},
        el("set-status", { code: 404, reason: "No such deployment behind this gateway" }),
      ),
    ),
  );
  return el(
    "policies",
    {},
    el(
      "inbound",
      {},
      el("base"),
      // Keyless: an Entra ID token of a known application, for Azure OpenAI's audience; no subscription key.
      el(
        "validate-azure-ad-token",
        {
          "tenant-id": gateway.tenantId ?? "{tenant}",
          "header-name": "Authorization",
          "failed-validation-httpcode": 401,
        },
        el(
          "client-application-ids",
          {},
          ...gateway.teams.flatMap((t) => t.clientIds.map((c) => el("application-id", {}, c))),
        ),
        el("audiences", {}, el("audience", {}, COGNITIVE_SERVICES)),
      ),
      el("set-variable", { name: "caller", value: CALLER }),
      el("set-variable", { name: "deployment", value: DEPLOYMENT }),
      teamOf,
      perTeam,
      el(
        "llm-emit-token-metric",
        { namespace: "aoai-gateway" },
        el("dimension", { name: "Team", value: `@(${variable("team")})` }),
        el("dimension", { name: "Deployment", value: `@(${variable("deployment")})` }),
      ),
      // The caller's token ends here; the gateway calls the accounts as itself.
      el("authentication-managed-identity", { resource: COGNITIVE_SERVICES }),
      el("set-variable", { name: "attempt", value: "@(0)" }),
    ),
    el(
      "backend",
      {},
      el(
        "retry",
        {
          condition: "@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)",
          count: Math.max(1, tries - 1),
          interval: 0,
          "first-fast-retry": "true",
        },
        route,
        el("set-variable", { name: "attempt", value: `@(${ATTEMPT} + 1)` }),
        el("forward-request", { "buffer-request-body": "true" }),
      ),
    ),
    el("outbound", {}, el("base")),
    el("on-error", {}, el("base")),
  );
}

export const gatewayPolicyXml = (gateway: GatewayEstate): string => renderXml(gatewayPolicy(gateway));
