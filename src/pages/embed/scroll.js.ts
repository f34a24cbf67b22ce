/**
 * /embed/scroll.js: src/scripts/embed-scroll.ts bundled as a classic script (as /embed/child.js, so
 * it runs in sandboxed frames). Loaded only by embeds whose chart scrolls in its own box (the
 * reform timeline: src/layouts/Embed.astro), so other embeds do not carry it.
 */
import type { APIRoute } from "astro";
import { classicScript } from "../../render/embed-script.ts";

export const GET: APIRoute = async () =>
  new Response(await classicScript(`import { followScrollBoxes } from "./embed-scroll.ts"; followScrollBoxes(document);`), {
    headers: { "Content-Type": "text/javascript; charset=utf-8" },
  });
