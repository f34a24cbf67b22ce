/** Grade colours as CSS custom properties, generated from the one module that owns them (src/lib/grades.ts). */
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, type Grade } from "./grades.ts";

const vars = (theme: "light" | "dark") =>
  [
    ...OLD_GRADES.map((g: Grade) => `--grade-old-${g.key}: ${g.colour[theme]};`),
    ...REPORT_CARD_GRADES.map((g: Grade) => `--grade-card-${g.key}: ${g.colour[theme]};`),
    ...SAFEGUARDING.map((g: Grade) => `--grade-safeguarding-${g.key}: ${g.colour[theme]};`),
  ].join("\n  ");

/** The stylesheet: light values, dark ones when the reader prefers dark (unless a page forces light), and forced dark. */
export function gradesCss(): string {
  return (
    `:root {\n  ${vars("light")}\n}\n` +
    `@media (prefers-color-scheme: dark) {\n  :root:not([data-theme="light"]) {\n  ${vars("dark")}\n  }\n}\n` +
    `:root[data-theme="dark"] {\n  ${vars("dark")}\n}\n`
  );
}
