import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as yyyy-mm-dd");

/** Explainers: MDX articles at /explainers/<slug>/ (the file name is the slug). */
const explainers = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./src/content/explainers" }),
  schema: z.object({
    title: z.string().min(10),
    dek: z.string().min(20),
    summary: z.string().min(20),
    byline: z.string(),
    published: isoDay,
    updated: isoDay.optional(),
    /** Order on the home page; the lowest is the lead story. */
    order: z.number().int(),
    /** Chart ids used in the article (src/charts/index.ts). */
    charts: z.array(z.string()).min(1),
    /** Sources listed at the end: our dataset rows (/data/...) and the original publications (https). */
    sources: z
      .array(z.object({ title: z.string(), url: z.string().regex(/^(https:\/\/|\/data\/)/, "an https URL or a /data/ path") }))
      .min(1),
  }),
});

export const collections = { explainers };
