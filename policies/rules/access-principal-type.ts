import { resourceRule } from "../checks";

export const accessPrincipalType = resourceRule(
  {
    id: "AOAI-IAM2",
    level: "warning",
    title: "Role assignments state the principal type",
    rationale:
      "Without principal_type Azure looks the principal up in Entra ID, which fails for a service principal " +
      "created moments before (replication delay), and reviewers cannot tell a group from a person.",
    fix: "Set principal_type to User, Group or ServicePrincipal (config: access[].principal.type).",
    sources: {
      guidance: [
        "learn.microsoft.com/azure/role-based-access-control/role-assignments-template#new-service-principal",
      ],
    },
  },
  ["azurerm_role_assignment"],
  (v) => (typeof v["principal_type"] === "string" ? undefined : "principal_type is not set"),
);
