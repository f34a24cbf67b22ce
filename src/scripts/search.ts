/**
 * The search page: runs Pagefind (our own /pagefind/pagefind.js, loaded on first use) on the
 * query from ?q= and as the reader types. Results are plain links in tab order; ArrowDown/ArrowUp
 * also move between the box and the results. Enter submits the form (and searches, without a reload).
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** title from the page's <h1>; summary from its description (dek, takeaway or dataset description). */
  meta: { title?: string; summary?: string };
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

let loading: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // A computed specifier: the bundler must not try to resolve a file that only exists after `pagefind` runs.
  const path = ["/pagefind", "pagefind.js"].join("/");
  loading ??= (import(/* @vite-ignore */ path) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return loading;
}

/** Which part of the site a result is from, by its URL. */
export function resultKind(url: string): string {
  if (url.startsWith("/explainers/")) return "Explainer";
  if (url.startsWith("/charts/")) return "Chart";
  if (url.startsWith("/data/")) return "Dataset";
  return "Page";
}

/** Copies Pagefind's excerpt (text with <mark> highlights) as DOM nodes, keeping only text and <mark>. */
function excerptNodes(doc: Document, html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild!;
  return Array.from(parsed.childNodes).map((n) => {
    if (n.nodeName === "MARK") {
      const m = doc.createElement("mark");
      m.textContent = n.textContent;
      return m;
    }
    return doc.createTextNode(n.textContent ?? "");
  });
}

/** True when the excerpt only repeats the summary (the words matched in the summary itself). */
export function repeats(summary: string | undefined, excerpt: string): boolean {
  if (!summary) return false;
  const plain = excerpt
    .replace(/<[^>]*>/g, "")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  const middle = plain.slice(Math.floor(plain.length / 3), Math.floor(plain.length / 3) + 30);
  return middle.length > 0 && summary.replace(/\s+/g, " ").includes(middle);
}

export function initSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>("main form.site-search");
  const input = form?.querySelector<HTMLInputElement>("input[name=q]");
  const status = doc.querySelector<HTMLElement>("[data-search-status]");
  const list = doc.querySelector<HTMLOListElement>("[data-search-results]");
  if (!form || !input || !status || !list) return;
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>("[data-search-nojs]"))) el.hidden = true;

  let run = 0;
  const search = async (q: string) => {
    const mine = ++run;
    const query = q.trim();
    const url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch {
      status.textContent = "The search index is missing from this copy of the site (it is built by `pagefind --site dist`). Browse the explainers, charts and data from the menu instead.";
      return;
    }
    const found = await pf.search(query);
    if (mine !== run || !found) return;
    const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    if (mine !== run) return;
    list.replaceChildren(
      ...data.map((d) => {
        const li = doc.createElement("li");
        li.className = "search-result";
        const kind = doc.createElement("span");
        kind.className = "search-kind";
        kind.textContent = resultKind(d.url);
        const h = doc.createElement("h2");
        const a = doc.createElement("a");
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        h.append(a);
        // The page's own summary, then where the words matched (Pagefind's excerpt, highlighted).
        const summary = doc.createElement("p");
        summary.className = "search-summary";
        summary.textContent = d.meta.summary ?? "";
        const p = doc.createElement("p");
        p.className = "search-excerpt";
        p.append(...excerptNodes(doc, d.excerpt));
        li.append(kind, h, ...(d.meta.summary ? [summary] : []), ...(repeats(d.meta.summary, d.excerpt) ? [] : [p]));
        return li;
      }),
    );
    const n = found.results.length;
    status.textContent =
      n === 0 ? `No results for “${query}”. Try another word, or browse the explainers, charts and data.` : `${n} result${n === 1 ? "" : "s"} for “${query}”${n > 20 ? " (showing the first 20)" : ""}.`;
  };

  let timer: number | undefined;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(input.value), 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void search(input.value);
  });

  // Arrow keys: from the box into the results, and between results.
  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>("a"));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0]!.focus();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const i = all.indexOf(doc.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (event.key === "ArrowDown" && i < all.length - 1) {
      event.preventDefault();
      all[i + 1]!.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (i === 0 ? input : all[i - 1]!).focus();
    }
  });

  const initial = new URL(window.location.href).searchParams.get("q") ?? "";
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}
