/**
 * Areas that Ofsted's file has renamed (its area columns hold names, not codes). Each old name's
 * URLs stay alive: /areas/<kind>/<old-slug>/ sends readers to the current page, and the chart
 * area-<kind>-<old-slug> keeps its page, embed, oEmbed and downloads, showing the current figures,
 * so embeds already in newsrooms' articles keep working. Add a line when a rename is noticed (the
 * import report lists areas that appeared or disappeared since the last import).
 */
import type { AreaKind } from "./areas-report.ts";

export interface AreaRename {
  readonly kind: AreaKind;
  /** The name as the file used to spell it. */
  readonly from: string;
  /** The name the file uses now. */
  readonly to: string;
  /** First MI file (as at, yyyy-mm-dd) with the new name. */
  readonly since: string;
}

export const AREA_RENAMES: readonly AreaRename[] = [];
