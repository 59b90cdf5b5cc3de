/**
 * IPv4 CIDR arithmetic for address-plan checks. Azure virtual networks here are IPv4; addresses are held
 * as unsigned 32-bit numbers.
 */
export interface Cidr {
  readonly text: string;
  readonly prefix: number;
  /** First and last address of the range, as numbers. */
  readonly first: number;
  readonly last: number;
  readonly size: number;
}

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
export const IPV4_PATTERN = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
export const CIDR_PATTERN = new RegExp(`^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?\\d)$`);

export function ipToNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** Parses "10.0.0.0/24"; returns a reason when it is malformed or has host bits set. */
export function parseCidr(text: string): Cidr | string {
  if (!CIDR_PATTERN.test(text)) return "is not an IPv4 CIDR range such as 10.20.0.0/24";
  const [ip, bits] = text.split("/") as [string, string];
  const prefix = Number(bits);
  const size = 2 ** (32 - prefix);
  const start = ipToNumber(ip);
  if (start % size !== 0) {
    return `has host bits set: the range starting there is ${numberToIp(start - (start % size))}/${prefix}`;
  }
  return { text, prefix, first: start, last: start + size - 1, size };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Whether an address can be assigned in the subnet: Azure reserves five in every subnet, the network
 * address, three service addresses and the broadcast address.
 */
export function isAssignable(subnet: Cidr, ip: string): boolean {
  const n = ipToNumber(ip);
  return n >= subnet.first + 4 && n <= subnet.last - 1;
}
