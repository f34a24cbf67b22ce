/**
 * Preview cards (Open Graph / Twitter images): one 1200x630 PNG per explainer, chart and dataset,
 * plus a site card for every other page, drawn at build time with satori (layout and text) and
 * resvg (rasterising; also draws the chart's own SVG into chart cards).
 *
 * Fonts are our own (never a CDN): satori reads the @fontsource WOFF files; resvg draws the chart
 * with the TrueType files the chart exports use. Concrete light-theme colours for the chart's CSS
 * variables come from src/lib/export-svg.ts (shared with the SVG/PNG downloads), grades from grades.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseHTML } from "linkedom";
import { REPORT_CARD_GRADES } from "./grades.ts";
import { concreteColours, exportColours, exportFontFiles } from "./export-svg.ts";
import { chartById, isAreaChart } from "../charts/index.ts";
import { DATASETS } from "./datasets/index.ts";

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
  /** For charts: the chart's 720px SVG as rendered on the page (CSS variables and all). */
  readonly chartSvg?: string;
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
  return join(dirname(require.resolve(`${pkg}/package.json`)), "files", file);
}

const FONT_FILES = {
  sans400: fontFile("@fontsource/source-sans-3", "source-sans-3-latin-400-normal.woff"),
  sans600: fontFile("@fontsource/source-sans-3", "source-sans-3-latin-600-normal.woff"),
  serif700: fontFile("@fontsource/source-serif-4", "source-serif-4-latin-700-normal.woff"),
};

/* ---------- drawing ---------- */

type Node = { type: string; props: Record<string, unknown> & { children?: unknown; style?: Record<string, unknown> } };
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

/** The chart's page SVG made standalone: namespace, concrete colours, our font, a white ground. */
export function standaloneChartSvg(html: string): string {
  const colours = exportColours();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // Plot wraps the chart in a <figure> when it has a legend; the chart is the largest <svg>.
  const area = (el: Element) => Number(el.getAttribute("width") ?? 0) * Number(el.getAttribute("height") ?? 0);
  const svg = Array.from(document.querySelectorAll("svg")).sort((a, b) => area(b) - area(a))[0];
  if (!svg) throw new Error("og-image: the chart rendered no <svg>");
  for (const el of [svg, ...Array.from(svg.querySelectorAll("*"))]) {
    for (const attr of Array.from(el.attributes)) {
      if (/var\(|currentcolor/i.test(attr.value)) el.setAttribute(attr.name, concreteColours(attr.value, colours));
    }
  }
  for (const t of Array.from(svg.querySelectorAll("title"))) t.remove();
  for (const a of ["class", "role", "aria-label"]) svg.removeAttribute(a);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("font-family", "Source Sans 3");
  svg.setAttribute("font-size", "12");
  const ground = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  ground.setAttribute("width", "100%");
  ground.setAttribute("height", "100%");
  ground.setAttribute("fill", colours["--surface"]!);
  svg.insertBefore(ground, svg.firstChild);
  return svg.outerHTML;
}

async function chartPng(svg: string, width: number): Promise<{ uri: string; w: number; h: number }> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(standaloneChartSvg(svg), {
    fitTo: { mode: "width", value: width },
    font: { loadSystemFonts: false, fontFiles: exportFontFiles(), defaultFontFamily: "Source Sans 3" },
  });
  const image = resvg.render();
  return { uri: `data:image/png;base64,${image.asPng().toString("base64")}`, w: image.width, h: image.height };
}

/** Draws a card as a 1200x630 PNG. */
export async function renderCard(card: Card): Promise<Buffer> {
  const [{ default: satori }, { Resvg }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const v = exportColours();
  const ink = v["--ink"]!;
  const muted = v["--muted"]!;
  const surface = v["--surface"]!;
  const link = v["--link"]!;
  const pad = 60;
  const isChart = card.kind === "chart" && card.chartSvg;

  const titleSize = isChart ? (card.title.length > 60 ? 40 : 48) : card.title.length > 70 ? 54 : card.title.length > 40 ? 64 : 76;
  const strip = h(
    "div",
    { display: "flex", width: "100%", height: 14 },
    REPORT_CARD_GRADES.map((g) => h("div", { flexGrow: 1, height: "100%", backgroundColor: g.colour.light })),
  );
  const top = h("div", { display: "flex", justifyContent: "space-between", alignItems: "baseline", fontSize: 28, color: ink }, [
    h("div", { fontWeight: 600, color: link }, "Beyond One Word"),
    h("div", { color: muted, fontSize: 24, textTransform: "uppercase", letterSpacing: 2 }, KIND_LABEL[card.kind]),
  ]);
  const title = h(
    "div",
    { fontFamily: "Source Serif 4", fontWeight: 700, fontSize: titleSize, lineHeight: 1.12, color: ink, marginTop: isChart ? 18 : 40 },
    clip(card.title, isChart ? 110 : 120),
  );
  const body: Node[] = [top];
  if (isChart) {
    const png = await chartPng(card.chartSvg!, 1440);
    const boxW = OG_WIDTH - 2 * pad;
    const titleLines = Math.min(3, Math.ceil((card.title.length * titleSize * 0.52) / boxW));
    const boxH = OG_HEIGHT - 14 - 2 * 34 - 34 - 18 - titleLines * titleSize * 1.12 - 12 - 38;
    const scale = Math.min(boxW / png.w, Math.max(boxH, 200) / png.h);
    // Chart px per card px: below ~0.75 of its page size the chart's labels stop being readable.
    if ((scale * png.w) / 720 >= 0.75) {
      body.push(title);
      body.push(
        h("div", { display: "flex", flexGrow: 1, alignItems: "center", justifyContent: "center", marginTop: 12 }, [
          h("img", { width: Math.round(png.w * scale), height: Math.round(png.h * scale) }, undefined, {
            src: png.uri,
            width: Math.round(png.w * scale),
            height: Math.round(png.h * scale),
          }),
        ]),
      );
    } else {
      // A tall chart: title and takeaway on the left, the top of the chart at a readable size on the right.
      const colW = 620;
      const colH = OG_HEIGHT - 14 - 2 * 34 - 34 - 16 - 38;
      const w = colW;
      const hgt = Math.round((png.h * colW) / png.w);
      body.push(
        h("div", { display: "flex", flexGrow: 1, marginTop: 16, gap: 36 }, [
          h("div", { display: "flex", flexDirection: "column", width: OG_WIDTH - 2 * pad - colW - 36 }, [
            h("div", { fontFamily: "Source Serif 4", fontWeight: 700, fontSize: 44, lineHeight: 1.12, color: ink }, clip(card.title, 90)),
            h("div", { fontSize: 24, lineHeight: 1.35, color: muted, marginTop: 18 }, clip(card.description, 150)),
          ]),
          h("div", { display: "flex", width: colW, height: colH, overflow: "hidden", alignItems: "flex-start", borderBottom: `1px solid ${v["--rule"]}` }, [
            h("img", { width: w, height: hgt }, undefined, { src: png.uri, width: w, height: hgt }),
          ]),
        ]),
      );
    }
  } else {
    body.push(title);
    body.push(h("div", { fontSize: 32, lineHeight: 1.35, color: muted, marginTop: 24 }, clip(card.description, 170)));
    body.push(h("div", { flexGrow: 1 }, ""));
  }
  body.push(h("div", { fontSize: 22, color: muted, marginTop: 8 }, card.url));

  const tree = h("div", { display: "flex", flexDirection: "column", width: OG_WIDTH, height: OG_HEIGHT, backgroundColor: surface, fontFamily: "Source Sans 3" }, [
    strip,
    h("div", { display: "flex", flexDirection: "column", flexGrow: 1, padding: `34px ${pad}px` }, body),
  ]);

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
