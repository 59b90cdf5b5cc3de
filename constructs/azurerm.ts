/**
 * The only module that imports @cdktf/provider-azurerm. Deep paths only: the package root loads
 * every one of the provider's ~1,500 resource classes (about 2 s and 400 MB at run time).
 * Switching to the CDK Terrain fork (@cdktn/provider-azurerm) is a change to this file alone.
 */
export { AzurermProvider, type AzurermProviderConfig } from "@cdktf/provider-azurerm/lib/provider";
export { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
export { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
export { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
export { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
export { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
export { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
export { NetworkSecurityGroup } from "@cdktf/provider-azurerm/lib/network-security-group";
export { NetworkSecurityRule } from "@cdktf/provider-azurerm/lib/network-security-rule";
export { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
export { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
export { PrivateEndpoint as AzurermPrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
export { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
export { SubnetNetworkSecurityGroupAssociation } from "@cdktf/provider-azurerm/lib/subnet-network-security-group-association";
export { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
export { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
export { RoleDefinition } from "@cdktf/provider-azurerm/lib/role-definition";
export { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
export { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
export { KeyVaultAccessPolicyA as KeyVaultAccessPolicy } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
export { CognitiveAccountCustomerManagedKeyA as CognitiveAccountCustomerManagedKey } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
export { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
export { SubscriptionPolicyAssignment } from "@cdktf/provider-azurerm/lib/subscription-policy-assignment";
export { SecurityCenterSubscriptionPricing } from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";
export { CognitiveAccountRaiPolicy } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-policy";
export { CognitiveAccountRaiBlocklist } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-blocklist";
export { StorageAccount, type StorageAccountConfig } from "@cdktf/provider-azurerm/lib/storage-account";
export { StorageAccountCustomerManagedKeyA as StorageAccountCustomerManagedKey } from "@cdktf/provider-azurerm/lib/storage-account-customer-managed-key";
export { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
export {
  MonitorMetricAlert,
  type MonitorMetricAlertCriteria,
} from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
export { MonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
export { ApiManagement } from "@cdktf/provider-azurerm/lib/api-management";
export { ApiManagementBackend } from "@cdktf/provider-azurerm/lib/api-management-backend";
export { ApiManagementApi } from "@cdktf/provider-azurerm/lib/api-management-api";
export { ApiManagementApiOperation } from "@cdktf/provider-azurerm/lib/api-management-api-operation";
export { ApiManagementApiPolicy } from "@cdktf/provider-azurerm/lib/api-management-api-policy";
export { ApiManagementDiagnostic } from "@cdktf/provider-azurerm/lib/api-management-diagnostic";
export { ApiManagementLogger } from "@cdktf/provider-azurerm/lib/api-management-logger";
export { ApplicationInsights } from "@cdktf/provider-azurerm/lib/application-insights";
export { ApplicationInsightsWorkbook } from "@cdktf/provider-azurerm/lib/application-insights-workbook";
export { PrivateDnsARecord } from "@cdktf/provider-azurerm/lib/private-dns-a-record";
