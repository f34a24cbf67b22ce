/** Grade colours as CSS custom properties (pages carry them inline; this file serves other consumers). */
import type { APIRoute } from "astro";
import { gradesCss } from "../lib/grades-css.ts";

export const GET: APIRoute = () => new Response(gradesCss(), { headers: { "Content-Type": "text/css; charset=utf-8" } });
