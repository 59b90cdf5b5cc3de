/**
 * API Management facts the gateway relies on. Internal virtual network mode exists in the classic
 * Developer and Premium tiers only ("APPLIES TO: Developer | Premium", learn.microsoft.com/azure/
 * api-management/api-management-using-with-internal-vnet, ms.date 2026-08-24); azurerm 4.55 writes the
 * tier as <name>_<capacity>. Developer has no SLA: for non-production estates.
 */
export const GATEWAY_SKUS = ["Developer_1", "Premium_1", "Premium_2", "Premium_3"] as const;
export type GatewaySku = (typeof GATEWAY_SKUS)[number];
