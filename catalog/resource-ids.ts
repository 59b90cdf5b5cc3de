/**
 * Azure Resource Manager IDs as text, for names derived from a scope (role assignment GUIDs) where the
 * resource's own ID is only known at apply time. The format is ARM's: /subscriptions/<id>/resourceGroups/…
 */
export const scopeIds = {
  subscription: (sub: string) => `/subscriptions/${sub}`,
  resourceGroup: (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`,
  account: (sub: string, rg: string, name: string) =>
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}`,
  storageAccount: (sub: string, rg: string, name: string) =>
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${name}`,
  applicationInsights: (sub: string, rg: string, name: string) =>
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Insights/components/${name}`,
  blobContainer: (sub: string, rg: string, account: string, container: string) =>
    `${scopeIds.storageAccount(sub, rg, account)}/blobServices/default/containers/${container}`,
};
