/**
 * The /schools/ search box: loads /schools/search-index.json on first focus or input (never
 * before), then searches synchronously on every keystroke (src/lib/school-search.ts) and shows up
 * to 20 results as a listbox. Keyboard: ArrowDown/ArrowUp move through results (aria-activedescendant),
 * Enter opens the highlighted result (the first one if none is highlighted), Escape clears.
 * Each search is recorded as a performance measure named "school-search" (the e2e test reads it).
 */
import { SchoolSearch, type IndexSchool, type SearchIndexFile } from "../lib/school-search.ts";

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
  let active = -1;
  let shown: readonly IndexSchool[] = [];

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

  const setActive = (i: number) => {
    const items = list.children;
    if (active >= 0 && items[active]) items[active]!.removeAttribute("aria-selected");
    active = i;
    if (i >= 0 && items[i]) {
      const el = items[i] as HTMLElement;
      el.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", el.id);
      el.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };

  const render = (schools: readonly IndexSchool[]) => {
    const frag = doc.createDocumentFragment();
    schools.forEach((s, i) => {
      const li = doc.createElement("li");
      li.id = `school-result-${i}`;
      li.setAttribute("role", "option");
      const a = doc.createElement("a");
      a.href = `/schools/${s.urn}/`;
      a.tabIndex = -1;
      a.textContent = s.name;
      const meta = doc.createElement("span");
      meta.className = "school-result-meta";
      meta.textContent = `${s.phase} · ${s.localAuthority}${s.postcode ? ` · ${s.postcode}` : ""} · URN ${s.urn}`;
      li.append(a, meta);
      frag.append(li);
    });
    list.replaceChildren(frag);
    shown = schools;
    active = -1;
    input.removeAttribute("aria-activedescendant");
    input.setAttribute("aria-expanded", schools.length ? "true" : "false");
  };

  function run() {
    if (!engine) {
      if (input.value.trim()) status.textContent = "Loading the list of schools…";
      void load();
      return;
    }
    const t0 = performance.now();
    const q = input.value;
    const { schools, total } = engine.search(q, LIMIT);
    render(schools);
    status.textContent = q.trim() === "" ? "" : total === 0 ? "No school matches." : total > schools.length ? `${thousands(total)} schools match; the first ${schools.length} are shown.` : `${total} ${total === 1 ? "school matches" : "schools match"}.`;
    performance.measure("school-search", { start: t0, end: performance.now() });
  }

  input.addEventListener("focus", () => void load(), { once: true });
  input.addEventListener("input", run);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!shown.length) return;
      e.preventDefault();
      const n = shown.length;
      setActive(e.key === "ArrowDown" ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (e.key === "Enter") {
      const s = shown[active >= 0 ? active : 0];
      if (!s) return;
      e.preventDefault();
      location.assign(`/schools/${s.urn}/`);
    } else if (e.key === "Escape") {
      input.value = "";
      run();
    }
  });
  list.addEventListener("mousemove", (e) => {
    const li = (e.target as Element).closest("li");
    if (li && li.parentElement === list) setActive([...list.children].indexOf(li));
  });
}
