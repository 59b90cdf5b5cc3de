/** Markdown table pieces the reports share: a cell with its pipes escaped, a row of cells. */
export const cell = (text: string | number): string => String(text).replace(/\|/g, "\\|");
export const row = (cells: readonly (string | number)[]): string => `| ${cells.map(cell).join(" | ")} |`;
/** A header separator for `n` columns. */
export const rule = (n: number): string => row(Array(n).fill("---"));
