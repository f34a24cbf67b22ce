/**
 * The /schools/ search box: loads /schools/search-index.json on first focus or input (never
 * before), then searches synchronously on every keystroke (src/lib/school-search.ts) and shows up
 * to 20 results as a list of links. Keyboard: ArrowDown from the box moves focus to the first result,
 * ArrowDown/ArrowUp move between results (ArrowUp from the first returns to the box), Enter opens the
 * focused result (a real link), Enter in the box opens the first result, Escape returns to the box,
 * typing on a result goes back to the box.
 * Each search is recorded as a performance measure named "school-search" (the e2e test reads it).
 */
import { SchoolSearch, type IndexArea, type IndexSchool, type SearchIndexFile } from "../lib/school-search.ts";

const INDEX_URL = "/schools/search-index.json";
/** 22000 -> "22,000" without Intl (its first use costs tens of milliseconds on a slow phone). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
const LIMIT = 20;

export function initSchoolSearch(doc: Document): void {
  const box = doc.querySelector<HTMLElement>("[data-school-search]");
  const input = doc.querySelector<HTMLInputElement>("#school-search-input");
  const list = doc.querySelector<HTMLUListElement>("#school-search-results");
  const status = doc.querySelector<HTMLElement>("[data-school-search-status]");
  if (!box || !input || !list || !status) return;
  box.hidden = false;
  const nojs = doc.querySelector<HTMLElement>("[data-school-search-nojs]");
  if (nojs) nojs.textContent = "Or browse every school by local authority below.";

  let engine: SchoolSearch | null = null;
  let loading: Promise<void> | null = null;
  let shown: readonly { href: string }[] = [];

  const load = () => {
    loading ??= fetch(INDEX_URL)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json() as Promise<SearchIndexFile>;
      })
      .then((file) => {
        engine = new SchoolSearch(file);
        box.dataset.ready = "";
        if (input.value.trim()) run();
        else status.textContent = "";
      })
      .catch(() => {
        status.textContent = "The list of schools could not be loaded. Browse by local authority below instead.";
        loading = null;
      });
    return loading;
  };

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>("a")];
  const focusResult = (i: number) => {
    const all = links();
    if (i < 0) input.focus();
    else all[Math.min(i, all.length - 1)]?.focus();
  };

  const render = (schools: readonly IndexSchool[], areas: readonly IndexArea[]) => {
    const frag = doc.createDocumentFragment();
    // Areas first (issue 18): a local authority, constituency or region whose name or postcode district matches.
    areas.forEach((a) => {
      const li = doc.createElement("li");
      li.className = "school-result-area";
      const link = doc.createElement("a");
      link.href = a.path;
      link.textContent = a.name;
      const meta = doc.createElement("span");
      meta.className = "school-result-meta";
      meta.textContent = `${a.kindLabel} · ${thousands(a.schools)} schools · report cards beside England`;
      li.append(link, meta);
      frag.append(li);
    });
    schools.forEach((s) => {
      const li = doc.createElement("li");
      const a = doc.createElement("a");
      a.href = `/schools/${s.urn}/`;
      a.textContent = s.name;
      const meta = doc.createElement("span");
      meta.className = "school-result-meta";
      meta.textContent = `${s.phase} · ${s.localAuthority}${s.postcode ? ` · ${s.postcode}` : ""} · URN ${s.urn}`;
      li.append(a, meta);
      frag.append(li);
    });
    list.replaceChildren(frag);
    shown = [...areas.map((a) => ({ href: a.path })), ...schools.map((s) => ({ href: `/schools/${s.urn}/` }))];
  };

  const run = (): void => {
    if (!engine) {
      if (input.value.trim()) status.textContent = "Loading the list of schools…";
      void load();
      return;
    }
    const t0 = performance.now();
    const q = input.value;
    const { schools, total } = engine.search(q, LIMIT);
    const areas = engine.searchAreas(q);
    render(schools, areas);
    const areaText = areas.length ? ` ${areas.length} ${areas.length === 1 ? "area" : "areas"} listed first.` : "";
    status.textContent = q.trim() === "" ? "" : (total === 0 ? "No school matches." : total > schools.length ? `${thousands(total)} schools match; the first ${schools.length} are shown.` : `${total} ${total === 1 ? "school matches" : "schools match"}.`) + areaText;
    performance.measure("school-search", { start: t0, end: performance.now() });
  };

  input.addEventListener("focus", () => void load(), { once: true });
  input.addEventListener("input", run);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && shown.length) {
      e.preventDefault();
      focusResult(0);
    } else if (e.key === "Enter") {
      const s = shown[0];
      if (!s) return;
      e.preventDefault();
      location.assign(s.href);
    }
  });
  list.addEventListener("keydown", (e) => {
    const all = links();
    const i = all.indexOf(doc.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (e.key === "ArrowDown") { e.preventDefault(); focusResult(Math.min(i + 1, all.length - 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); focusResult(i - 1); }
    else if (e.key === "Escape") { e.preventDefault(); input.focus(); }
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) input.focus(); // the character lands in the box
  });
}
