/** The dataset as a CSV download: UTF-8 with a byte-order mark, formula-starting cells neutralised (imported datasets only once imported). */
import type { APIRoute } from "astro";
import type { DatasetId } from "../../lib/datasets/index.ts";
import { availableDatasetIds, datasetText, loadDataset } from "../../lib/load.ts";
import { downloadCsvText } from "../../lib/csv.ts";

export function getStaticPaths() {
  return availableDatasetIds().map((id) => ({ params: { id } }));
}
export const GET: APIRoute = ({ params }) => {
  const id = params.id as DatasetId;
  loadDataset(id); // validates before publishing
  return new Response(downloadCsvText(datasetText(id), `${id}.csv`), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
