/**
 * Preview cards (Open Graph / Twitter images): one 1200x630 PNG per explainer, chart and dataset,
 * plus a site card for every other page, drawn at build time with satori (layout and text) and
 * resvg (rasterising; also draws the chart's own SVG into chart cards).
 *
 * Fonts are our own (never a CDN): satori and resvg read the Source Sans 3 TrueType files the chart
 * exports use (@expo-google-fonts/source-sans-3) and Source Serif 4 from @fontsource. The chart is its standalone SVG from the render
 * step (src/render/chart.ts), drawn 288 px wide and shown at 2x so its text is 12 px when the card
 * is shown 600 px wide.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { REPORT_CARD_GRADES } from "../lib/grades.ts";
import { exportColours } from "../lib/export-colours.ts";
import { chartById, isAreaChart } from "./charts.ts";
import { DATASETS } from "../lib/datasets/index.ts";
import { exportFontFiles, type StandaloneSvg } from "./export.ts";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export type CardKind = "explainer" | "chart" | "dataset" | "site";

export interface Card {
  readonly kind: CardKind;
  readonly title: string;
  /** A line under the title (dek or takeaway or description). */
  readonly description: string;
  /** Where the page lives, shown at the foot of the card (e.g. "beyondoneword.org.uk/charts/x/"). */
  readonly url: string;
  /** For charts: the chart's standalone SVG (src/render/chart.ts, CARD_CHART_WIDTH wide). */
  readonly chart?: StandaloneSvg;
}

/** The site path of a card's PNG: /og/<kind>s/<id>.png, or /og/site.png. */
export function ogImagePath(kind: CardKind, id?: string): string {
  switch (kind) {
    case "explainer":
      return `/og/explainers/${id}.png`;
    case "chart":
      return `/og/charts/${id}.png`;
    case "dataset":
      return `/og/data/${id}.png`;
    default:
      return "/og/site.png";
  }
}

/** What a page's social metadata may override (layouts pass this through Base to SocialMeta). */
export interface SocialInput {
  readonly type?: "website" | "article";
  /** Site path of the preview image; defaults to the card for the page's route. */
  readonly image?: string;
  readonly imageAlt?: string;
  /** Explainers: dates and byline for og:article and the NewsArticle JSON-LD. */
  readonly article?: { readonly published: string; readonly updated?: string | undefined; readonly author: string };
}

/**
 * Which card a page gets, from its route: /explainers/<slug>/, /charts/<id>/ and /embed/<id>/
 * (the chart's card), /data/<id>/; anything else gets the site card. Chart and dataset ids are
 * checked against their registries; explainer slugs are checked by the caller (content collection).
 */
export function pageKind(path: string): { kind: CardKind; id?: string } {
  const m = /^\/(explainers|charts|embed|data)\/([a-z0-9-]+)\/$/.exec(path);
  if (!m) return { kind: "site" };
  const [, section, id] = m as unknown as [string, string, string];
  if (section === "explainers") return { kind: "explainer", id };
  // Area charts (hundreds after an import) share the site card: a card each would double their build cost.
  if ((section === "charts" || section === "embed") && chartById(id) && !isAreaChart(id)) return { kind: "chart", id };
  if (section === "data" && id in DATASETS) return { kind: "dataset", id };
  return { kind: "site" };
}

/* ---------- fonts ---------- */

const require = createRequire(import.meta.url);

function fontFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Satori reads TrueType or WOFF: the same Source Sans 3 TTFs as the exports, and Source Serif 4's WOFF. */
const FONT_FILES = {
  sans400: fontFile("@expo-google-fonts/source-sans-3", "400Regular/SourceSans3_400Regular.ttf"),
  sans600: fontFile("@expo-google-fonts/source-sans-3", "600SemiBold/SourceSans3_600SemiBold.ttf"),
  serif700: fontFile("@fontsource/source-serif-4", "files/source-serif-4-latin-700-normal.woff"),
};

/* ---------- drawing ---------- */

export type Node = { type: string; props: Record<string, unknown> & { children?: unknown; style?: Record<string, unknown> } };
const h = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

const KIND_LABEL: Record<CardKind, string> = { explainer: "Explainer", chart: "Chart", dataset: "Dataset", site: "" };

/** Cuts text at a word boundary to at most `max` characters, adding an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).replace(/[\s,;:.–-]+$/, "") + "…";
}

/** The chart card's scale: chart px to card px (2: at 600 px wide the chart shows at its own size). */
export const CHART_SCALE = 2;

async function chartPng(chart: StandaloneSvg): Promise<{ uri: string; w: number; h: number }> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: "zoom", value: CHART_SCALE },
    font: { loadSystemFonts: false, fontFiles: exportFontFiles(), defaultFontFamily: "Source Sans 3" },
  });
  const image = resvg.render();
  return { uri: `data:image/png;base64,${image.asPng().toString("base64")}`, w: image.width, h: image.height };
}

/** The smallest card text, in card px: a card shown 600 px wide (half size) reads it at 12 px. */
export const CARD_MIN_TEXT = 24;

/**
 * A card's layout tree for satori (pure: no fonts, no rasterising). `chart` is the chart drawing
 * already rasterised at CHART_SCALE, for chart cards.
 */
export function cardTree(card: Card, chart?: { uri: string; w: number; h: number }): Node {
  const v = exportColours();
  const ink = v["--ink"]!;
  const muted = v["--muted"]!;
  const surface = v["--surface"]!;
  const link = v["--link"]!;
  const pad = 60;

  const titleSize = card.title.length > 70 ? 54 : card.title.length > 40 ? 64 : 76;
  const strip = h(
    "div",
    { display: "flex", width: "100%", height: 14 },
    REPORT_CARD_GRADES.map((g) => h("div", { flexGrow: 1, height: "100%", backgroundColor: g.colour.light })),
  );
  const top = h("div", { display: "flex", justifyContent: "space-between", alignItems: "baseline", fontSize: 28, color: ink }, [
    h("div", { fontWeight: 600, color: link }, "Beyond One Word"),
    h("div", { color: muted, fontSize: CARD_MIN_TEXT, textTransform: "uppercase", letterSpacing: 2 }, KIND_LABEL[card.kind]),
  ]);
  const title = h(
    "div",
    { fontFamily: "Source Serif 4", fontWeight: 700, fontSize: titleSize, lineHeight: 1.12, color: ink, marginTop: 40 },
    clip(card.title, 120),
  );
  const body: Node[] = [top];
  if (chart) {
    // Title and takeaway on the left; the chart at twice its size on the right, its top if it is tall.
    const colW = chart.w;
    const colH = OG_HEIGHT - 14 - 2 * 34 - 34 - 16 - 38;
    body.push(
      h("div", { display: "flex", flexGrow: 1, marginTop: 16, gap: 36 }, [
        h("div", { display: "flex", flexDirection: "column", width: OG_WIDTH - 2 * pad - colW - 36 }, [
          h("div", { fontFamily: "Source Serif 4", fontWeight: 700, fontSize: 44, lineHeight: 1.12, color: ink }, clip(card.title, 90)),
          h("div", { fontSize: 26, lineHeight: 1.35, color: muted, marginTop: 18 }, clip(card.description, 130)),
        ]),
        h("div", { display: "flex", width: colW, height: colH, overflow: "hidden", alignItems: "flex-start", borderBottom: `1px solid ${v["--rule"]}` }, [
          h("img", { width: chart.w, height: chart.h }, undefined, { src: chart.uri, width: chart.w, height: chart.h }),
        ]),
      ]),
    );
  } else {
    body.push(title);
    body.push(h("div", { fontSize: 32, lineHeight: 1.35, color: muted, marginTop: 24 }, clip(card.description, 170)));
    body.push(h("div", { flexGrow: 1 }, ""));
  }
  // The page's address: at CARD_MIN_TEXT (it was 22, read at 11 px on a 600-px feed).
  body.push(h("div", { fontSize: CARD_MIN_TEXT, lineHeight: 1.2, color: muted, marginTop: 8 }, card.url));

  return h("div", { display: "flex", flexDirection: "column", width: OG_WIDTH, height: OG_HEIGHT, backgroundColor: surface, fontFamily: "Source Sans 3" }, [
    strip,
    h("div", { display: "flex", flexDirection: "column", flexGrow: 1, padding: `34px ${pad}px` }, body),
  ]);
}

/** Draws a card as a 1200x630 PNG. */
export async function renderCard(card: Card): Promise<Buffer> {
  const [{ default: satori }, { Resvg }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const chart = card.kind === "chart" && card.chart ? await chartPng(card.chart) : undefined;
  const tree = cardTree(card, chart);

  const fonts = [
    { name: "Source Sans 3", data: readFileSync(FONT_FILES.sans400), weight: 400 as const, style: "normal" as const },
    { name: "Source Sans 3", data: readFileSync(FONT_FILES.sans600), weight: 600 as const, style: "normal" as const },
    { name: "Source Serif 4", data: readFileSync(FONT_FILES.serif700), weight: 700 as const, style: "normal" as const },
  ];
  const svg = await satori(tree as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  const png = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render();
  if (png.width !== OG_WIDTH || png.height !== OG_HEIGHT) throw new Error(`og card is ${png.width}x${png.height}, expected ${OG_WIDTH}x${OG_HEIGHT}`);
  return png.asPng();
}
