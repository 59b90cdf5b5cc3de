/**
 * A tiny XML writer for APIM policy documents: elements, attributes and text are escaped here, so a
 * policy is built from data and never from concatenated strings. Policy expressions (`@(...)`) are
 * attribute values like any other and are escaped the same way.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly children?: readonly (XmlElement | string)[];
}

export const el = (
  name: string,
  attributes: XmlElement["attributes"] = {},
  ...children: (XmlElement | string | undefined | false)[]
): XmlElement => ({ name, attributes, children: children.filter((c): c is XmlElement | string => !!c) });

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Indented XML, one element per line; text children stay on their element's line. */
export function renderXml(node: XmlElement, indent = ""): string {
  const attrs = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join("");
  const children = node.children ?? [];
  if (children.length === 0) return `${indent}<${node.name}${attrs} />`;
  if (children.every((c) => typeof c === "string"))
    return `${indent}<${node.name}${attrs}>${children.map((c) => escape(c as string)).join("")}</${node.name}>`;
  const inner = children.map((c) =>
    typeof c === "string" ? `${indent}  ${escape(c)}` : renderXml(c, `${indent}  `),
  );
  return [`${indent}<${node.name}${attrs}>`, ...inner, `${indent}</${node.name}>`].join("\n");
}
