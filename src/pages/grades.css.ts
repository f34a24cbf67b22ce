/** Grade colours as CSS custom properties, generated from the one module that owns them. */
import type { APIRoute } from "astro";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, type Grade } from "../lib/grades.ts";

const vars = (theme: "light" | "dark") =>
  [
    ...OLD_GRADES.map((g: Grade) => `--grade-old-${g.key}: ${g.colour[theme]};`),
    ...REPORT_CARD_GRADES.map((g: Grade) => `--grade-card-${g.key}: ${g.colour[theme]};`),
    ...SAFEGUARDING.map((g: Grade) => `--grade-safeguarding-${g.key}: ${g.colour[theme]};`),
  ].join("\n  ");

export const GET: APIRoute = () =>
  new Response(
    `:root {\n  ${vars("light")}\n}\n` +
      `@media (prefers-color-scheme: dark) {\n  :root:not([data-theme="light"]) {\n  ${vars("dark")}\n  }\n}\n` +
      `:root[data-theme="dark"] {\n  ${vars("dark")}\n}\n` +
      // Paper is white: print the light colours even from dark mode (after the dark rules, same specificity).
      `@media print {\n  :root, :root[data-theme="dark"], :root:not([data-theme="light"]) {\n  ${vars("light")}\n  }\n}\n`,
    { headers: { "Content-Type": "text/css; charset=utf-8" } },
  );
