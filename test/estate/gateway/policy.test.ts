/**
 * The gateway policy, at the layer that writes it: who may call (Entra ID tokens of known applications,
 * for Azure OpenAI's audience), which team a caller is and what it may call, the token limit and metrics
 * per team, the gateway's own identity towards the accounts, and each workload's backends in order,
 * moving on at 429 and 5xx. The XML writer escapes what it writes.
 */
import { COGNITIVE_SERVICES, gatewayPolicy, gatewayPolicyXml } from "../../../estate/gateway/policy";
import { el, renderXml, type XmlElement } from "../../../estate/gateway/xml";
import type { GatewayEstate } from "../../../estate/types";

const CHAT_APP = "aaaaaaaa-0000-4000-8000-000000000001";
const CHAT_APP_2 = "aaaaaaaa-0000-4000-8000-000000000002";
const SEARCH_APP = "bbbbbbbb-0000-4000-8000-000000000001";
const backend = (workload: string, region: string, priority: number) => ({
  id: `${workload}-${region}`,
  region,
  url: `https://oai-${region}.openai.azure.com/openai`,
  priority,
  weight: 1,
});
const gateway = {
  tenantId: "22222222-2222-2222-2222-222222222222",
  teams: [
    { name: "chat-app", clientIds: [CHAT_APP, CHAT_APP_2], tokensPerMinute: 50000, workloads: ["reasoning"] },
    { name: "search", clientIds: [SEARCH_APP], tokensPerMinute: 200000, workloads: ["reasoning", "embed"] },
  ],
  workloads: [
    {
      name: "reasoning",
      backends: [
        backend("reasoning", "swedencentral", 1),
        backend("reasoning", "francecentral", 2),
        backend("reasoning", "germanywestcentral", 3),
      ],
    },
    { name: "embed", backends: [backend("embed", "swedencentral", 1)] },
  ],
} as unknown as GatewayEstate;

const policy = gatewayPolicy(gateway);
const children = (node: XmlElement) => (node.children ?? []) as XmlElement[];
const child = (node: XmlElement, name: string) => {
  const found = children(node).filter((c) => c.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const inbound = child(policy, "inbound");
const variable = (name: string) => `context.Variables.GetValueOrDefault<string>("${name}")`;
const ATTEMPT = 'context.Variables.GetValueOrDefault<int>("attempt")';

describe("the gateway policy", () => {
  it("runs the inbound steps in order: authenticate, identify the team, limit, measure, then call as itself", () => {
    expect(policy.name).toBe("policies");
    expect(children(policy).map((c) => c.name)).toEqual(["inbound", "backend", "outbound", "on-error"]);
    expect(children(inbound).map((c) => [c.name, c.attributes?.name])).toEqual([
      ["base", undefined],
      ["validate-azure-ad-token", undefined],
      ["set-variable", "caller"],
      ["set-variable", "deployment"],
      ["choose", undefined],
      ["choose", undefined],
      ["llm-emit-token-metric", undefined],
      ["authentication-managed-identity", undefined],
      ["set-variable", "attempt"],
    ]);
    expect(children(child(policy, "outbound"))).toEqual([{ name: "base", attributes: {}, children: [] }]);
    expect(children(child(policy, "on-error"))).toEqual([{ name: "base", attributes: {}, children: [] }]);
  });

  it("takes only Entra ID tokens of the teams' applications, for Azure OpenAI's audience, else 401", () => {
    const validate = child(inbound, "validate-azure-ad-token");
    expect(validate.attributes).toEqual({
      "tenant-id": "22222222-2222-2222-2222-222222222222",
      "header-name": "Authorization",
      "failed-validation-httpcode": 401,
    });
    expect(children(child(validate, "client-application-ids"))).toEqual(
      [CHAT_APP, CHAT_APP_2, SEARCH_APP].map((id) => ({
        name: "application-id",
        attributes: {},
        children: [id],
      })),
    );
    expect(child(validate, "audiences")).toEqual({
      name: "audiences",
      attributes: {},
      children: [{ name: "audience", attributes: {}, children: ["https://cognitiveservices.azure.com"] }],
    });
    // Without a tenant in config, the placeholder shows in review rather than a wrong tenant.
    const noTenant = child(
      child(gatewayPolicy({ ...gateway, tenantId: undefined }), "inbound"),
      "validate-azure-ad-token",
    );
    expect(noTenant.attributes!["tenant-id"]).toBe("{tenant}");
  });

  it("reads the caller from the token's appid claim and the deployment from the path", () => {
    const [, , caller, deployment] = children(inbound);
    expect(caller!.attributes!.value).toBe(
      '@(context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Claims.GetValueOrDefault("appid", ""))',
    );
    expect(deployment!.attributes!.value).toBe(
      '@{ var s = context.Request.OriginalUrl.Path.Split(\'/\'); var i = Array.IndexOf(s, "deployments"); return i >= 0 && i + 1 < s.Length ? s[i + 1] : ""; }',
    );
  });

  it("names the caller's team from its application IDs", () => {
    const teamOf = children(inbound)[4]!;
    expect(teamOf).toEqual(
      el(
        "choose",
        {},
        el(
          "when",
          { condition: `@(new[] { "${CHAT_APP}", "${CHAT_APP_2}" }.Contains(${variable("caller")}))` },
          el("set-variable", { name: "team", value: "chat-app" }),
        ),
        el(
          "when",
          { condition: `@(new[] { "${SEARCH_APP}" }.Contains(${variable("caller")}))` },
          el("set-variable", { name: "team", value: "search" }),
        ),
      ),
    );
  });

  it("refuses a workload the team may not call, limits each team's tokens, and refuses callers of no team", () => {
    const perTeam = children(inbound)[5]!;
    const [chat, search, otherwise] = children(perTeam);
    expect(chat).toEqual(
      el(
        "when",
        { condition: `@(${variable("team")} == "chat-app")` },
        el(
          "choose",
          {},
          el(
            "when",
            { condition: `@(!new[] { "reasoning" }.Contains(${variable("deployment")}))` },
            el(
              "return-response",
              {},
              el("set-status", { code: 403, reason: "Workload not allowed for this team" }),
            ),
          ),
        ),
        el("llm-token-limit", {
          "counter-key": "chat-app",
          "tokens-per-minute": 50000,
          "estimate-prompt-tokens": "false",
          "remaining-tokens-header-name": "x-ratelimit-remaining-tokens",
        }),
      ),
    );
    expect(search!.attributes!.condition).toBe(`@(${variable("team")} == "search")`);
    expect(children(children(search!)[0]!)[0]!.attributes!.condition).toBe(
      `@(!new[] { "reasoning", "embed" }.Contains(${variable("deployment")}))`,
    );
    expect(child(search!, "llm-token-limit").attributes!["tokens-per-minute"]).toBe(200000);
    expect(otherwise).toEqual(
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
  });

  it("emits token metrics with the team and deployment as dimensions, then calls the accounts as itself", () => {
    expect(child(inbound, "llm-emit-token-metric")).toEqual(
      el(
        "llm-emit-token-metric",
        { namespace: "aoai-gateway" },
        el("dimension", { name: "Team", value: `@(${variable("team")})` }),
        el("dimension", { name: "Deployment", value: `@(${variable("deployment")})` }),
      ),
    );
    expect(child(inbound, "authentication-managed-identity").attributes).toEqual({
      resource: COGNITIVE_SERVICES,
    });
    expect(children(inbound).at(-1)!.attributes).toEqual({ name: "attempt", value: "@(0)" });
  });

  it("tries a workload's backends in order on 429 and 5xx, as often as its longest list needs, then 404s", () => {
    const retry = child(child(policy, "backend"), "retry");
    expect(retry.attributes).toEqual({
      condition: "@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)",
      count: 2, // three backends: two more tries
      interval: 0,
      "first-fast-retry": "true",
    });
    const [route, next, forward] = children(retry);
    expect(route!.name).toBe("choose");
    const whens = children(route!).filter((c) => c.name === "when");
    expect(whens.map((w) => [w.attributes!.condition, child(w, "set-backend-service").attributes])).toEqual([
      [
        `@(${variable("deployment")} == "reasoning" && ${ATTEMPT} == 0)`,
        { "backend-id": "reasoning-swedencentral" },
      ],
      [
        `@(${variable("deployment")} == "reasoning" && ${ATTEMPT} == 1)`,
        { "backend-id": "reasoning-francecentral" },
      ],
      // The last backend keeps every later attempt.
      [
        `@(${variable("deployment")} == "reasoning" && ${ATTEMPT} >= 2)`,
        { "backend-id": "reasoning-germanywestcentral" },
      ],
      [`@(${variable("deployment")} == "embed" && ${ATTEMPT} >= 0)`, { "backend-id": "embed-swedencentral" }],
    ]);
    expect(child(route!, "otherwise")).toEqual(
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
    expect(next).toEqual(el("set-variable", { name: "attempt", value: `@(${ATTEMPT} + 1)` }));
    // The body is sent again on each retry.
    expect(forward).toEqual(el("forward-request", { "buffer-request-body": "true" }));
  });

  it("retries at least once, even when every workload has a single backend", () => {
    const single = gatewayPolicy({ ...gateway, workloads: [gateway.workloads[1]!] });
    expect(child(child(single, "backend"), "retry").attributes!.count).toBe(1);
  });

  it("renders as the XML of that tree", () => {
    expect(gatewayPolicyXml(gateway)).toBe(renderXml(policy));
  });
});

describe("renderXml", () => {
  it("writes attributes in order, leaves out undefined ones, and closes empty elements", () => {
    expect(renderXml(el("a", { x: 1, y: undefined, z: true }))).toBe('<a x="1" z="true" />');
    expect(renderXml({ name: "a" })).toBe("<a />");
  });

  it("escapes &, <, > and quotes in attributes and text", () => {
    expect(renderXml(el("a", { c: '@(x < 1 && y > "2")' }, 'a < b & c > "d"'))).toBe(
      '<a c="@(x &lt; 1 &amp;&amp; y &gt; &quot;2&quot;)">a &lt; b &amp; c &gt; &quot;d&quot;</a>',
    );
  });

  it("keeps text on its element's line and indents child elements by two spaces per level", () => {
    expect(renderXml(el("p", {}, el("q", {}, el("r", { k: "v" })), el("s", {}, "t")))).toBe(
      ["<p>", "  <q>", '    <r k="v" />', "  </q>", "  <s>t</s>", "</p>"].join("\n"),
    );
    expect(renderXml(el("p", {}, el("q"), "text <x>"), "  ")).toBe(
      ["  <p>", "    <q />", "    text &lt;x&gt;", "  </p>"].join("\n"),
    );
  });

  it("writes several text children of one element side by side", () => {
    expect(renderXml(el("a", {}, "x", "y"))).toBe("<a>xy</a>");
  });

  it("drops children that are left out (undefined or false)", () => {
    expect(el("a", {}, undefined, false, "t")).toEqual({ name: "a", attributes: {}, children: ["t"] });
  });
});
