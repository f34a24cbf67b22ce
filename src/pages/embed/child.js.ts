/**
 * /embed/child.js: src/scripts/embed-child.ts (height messages to the host page) as a classic
 * script (src/render/embed-script.ts), so that it also runs in WordPress's sandboxed frames, where
 * module scripts from an opaque origin are CORS requests our static host may refuse.
 */
import type { APIRoute } from "astro";
import { classicScript } from "../../render/embed-script.ts";

export const GET: APIRoute = async () =>
  new Response(await classicScript(`import { startHeightMessages } from "./embed-child.ts"; startHeightMessages();`), {
    headers: { "Content-Type": "text/javascript; charset=utf-8" },
  });
