/** `*` patterns (any run of characters, everything else literal), compiled once each. */
const compiled = new Map<string, RegExp>();

export function glob(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    re = new RegExp(`^${pattern.split("*").map(literal).join(".*")}$`);
    compiled.set(pattern, re);
  }
  return re;
}
