import { INVALID, type Column } from "../csv.ts";
import { isoDate, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import { defineSchema, monthDatesOnTheFirst, type DatasetMeta, type SchemaRow } from "./types.ts";

export const UNIONS = ["ASCL", "NAHT", "NEU", "NASUWT"] as const;
export type Union = (typeof UNIONS)[number];
export const ACTION_TYPES = ["threat", "threat-shelved", "joint-demand", "legal-challenge", "court-ruling", "member-poll", "statement"] as const;

/** "ASCL; NAHT" -> ["ASCL", "NAHT"]; every name must be one of the four unions. */
function unionList(description: string): Column<Union[]> {
  return {
    description,
    expected: `one or more of ${UNIONS.join(", ")}, separated by "; "`,
    parse: (raw) => {
      const parts = raw.split(";").map((s) => s.trim()).filter(Boolean);
      if (parts.length === 0 || parts.some((p) => !UNIONS.includes(p as Union)) || new Set(parts).size !== parts.length) return INVALID;
      return parts as Union[];
    },
  };
}

const schema = defineSchema({
  columns: {
    id: text("Stable key of the row (anchors /data/unions-actions/#row-<id>)"),
    date: isoDate("Date of the action; with date_precision month, the first of the month"),
    date_precision: oneOf(["day", "month"] as const, "day: the date is known (or inferred, see note); month: only the month is known"),
    unions: unionList("Union or unions acting: ASCL (Association of School and College Leaders), NAHT (National Association of Head Teachers), NEU (National Education Union), NASUWT"),
    action_type: oneOf(ACTION_TYPES, "Kind of action"),
    action: text("Short label for the action"),
    detail: text("What happened, in our words"),
    secondary_source: yesNo("yes if the row rests on press coverage rather than the union's, court's or Ofsted's own statement"),
    ...sourceColumns,
    note: optionalText("Caveats: how the date was established, other coverage"),
  },
  key: ["id"],
  rowChecks: [monthDatesOnTheFirst("date", "date_precision")],
});

/** One dated action by one or more of the four unions (or a ruling on their challenge). */
export type UnionActionRow = SchemaRow<typeof schema>;

export const unionsActions: DatasetMeta<UnionActionRow> = {
  id: "unions-actions",
  file: "unions-actions.csv",
  title: "What the unions did: threats, a legal challenge and a ballot signal, 2025 to 2026",
  description:
    "Dated actions by the four school unions (ASCL, NAHT, NEU, NASUWT) against the timing and five-point scale of Ofsted's report cards in 2025: the joint demand for a delay to September 2026, the threat to withdraw members serving as inspectors and its shelving, NAHT's judicial review and the High Court's refusal, NAHT members' support for exploring industrial action, and NAHT's February 2026 agreement with Ofsted on monitoring heads' wellbeing.",
  licence: "Facts reused with attribution from the union statements and press reports named on each row",
  schema,
  checked: "2026-11-26",
};
