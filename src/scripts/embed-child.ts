/**
 * Runs on embed pages (/embed/<id>/): measures the document with a ResizeObserver and, whenever its
 * height changes, tells the parent page in every format hosts already listen for:
 *  - ours:        {type: "beyond-one-word:height", id, height}   (read by /embed.js)
 *  - Datawrapper: {"datawrapper-height": {[id]: height}}
 *  - Pym.js:      "pymxPYMx<childId>xPYMxheightxPYMx<height>"    (only with ?childId=)
 *  - WordPress:   {message: "height", value: height, secret}     (only with #?secret=)
 * It answers WordPress's {message: "ready", secret} and our /embed.js's ping with the current
 * height, so a host script that loads after our first message still gets one.
 * Target origin "*" is what these protocols use: the messages hold numbers, our chart id, and ids
 * the host itself gave us (Pym's childId, WordPress's secret), sent back as data, never as markup.
 * Also applies the render flags of older embed codes, which put them in the query (?dark=true,
 * ?plain): current embed code puts them in the fragment, where CSS applies them before first
 * paint (src/pages/embed/flags.css.ts); these apply once this async script runs.
 */

export const HEIGHT_TYPE = "beyond-one-word:height";
export const PING_TYPE = "beyond-one-word:ping";

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** wp-embed.js drops any message whose secret has a character outside [a-zA-Z0-9]. */
const SAFE_SECRET = /^[A-Za-z0-9]{1,64}$/;

/** The WordPress embed secret from a hash like "#?secret=abc123" (alphanumeric only), else null. */
export function wordpressSecret(hash: string): string | null {
  const m = /[#?&]secret=([^&#]*)/.exec(hash);
  return m && SAFE_SECRET.test(m[1]!) ? m[1]! : null;
}

/**
 * Pym's childId from the query, read as Pym's own child reads it (the first `childId=` value up to
 * "&" or "#", "+" as a space, percent-decoded). Pym takes any id `getElementById` finds (`chart.1`,
 * `graphic:bow`, 70 characters), so any non-empty string is accepted: it only goes back to the
 * parent inside a postMessage string, which Pym matches against the same id.
 */
export function pymChildId(search: string): string | null {
  let v: string | null;
  try {
    v = new URLSearchParams(search).get("childId");
  } catch {
    return null;
  }
  return v !== null && v.length > 0 ? v : null;
}

/** Every message for one height, in the order they are posted. */
export function heightMessages(id: string, height: number, childId: string | null, secret: string | null): unknown[] {
  const out: unknown[] = [{ type: HEIGHT_TYPE, id, height }, { "datawrapper-height": { [id]: height } }];
  if (childId !== null) out.push(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);
  if (secret) out.push({ message: "height", value: height, secret });
  return out;
}

/** Render flags from an older embed code's query, as attributes on <html> (global.css and flags.css read them). */
export function legacyFlags(search: string): Record<string, string> {
  const q = new URLSearchParams(search);
  const on = (k: string) => q.has(k) && q.get(k) !== "false" && q.get(k) !== "0";
  const out: Record<string, string> = {};
  const dark = q.get("dark");
  if (dark === "true") out["data-theme"] = "dark";
  else if (dark === "false") out["data-theme"] = "light";
  for (const k of ["plain", "transparent", "full"]) if (on(k)) out[`data-${k}`] = "";
  return out;
}

/** The document's own height: not scrollHeight, which never drops below the iframe's height. */
function measure(): number {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

export function startHeightMessages(): void {
  for (const [k, v] of Object.entries(legacyFlags(location.search))) document.documentElement.setAttribute(k, v);
  const parent = window.parent;
  if (parent === window) return;
  const root = document.querySelector<HTMLElement>("[data-embed-id]");
  const id = root?.dataset.embedId ?? "";
  if (!SAFE_ID.test(id)) return;
  const childId = pymChildId(location.search);
  /** WordPress may add #?secret= after load (wp-embed.js does, for iframes without data-secret). */
  let secret = wordpressSecret(location.hash);
  let last = -1;
  const send = (force = false) => {
    const height = measure();
    if (height <= 0 || (height === last && !force)) return;
    last = height;
    for (const m of heightMessages(id, height, childId, secret)) parent.postMessage(m, "*");
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  window.addEventListener("hashchange", () => {
    secret = wordpressSecret(location.hash) ?? secret;
    send(true);
  });
  window.addEventListener("message", (e) => {
    if (e.source !== parent) return;
    const data = e.data as { type?: unknown; message?: unknown; secret?: unknown } | null;
    if (data?.type === PING_TYPE) send(true);
    else if (data?.message === "ready" && typeof data.secret === "string" && SAFE_SECRET.test(data.secret)) {
      // wp-embed.js says it is listening. Answer with the secret it uses for this frame.
      if (secret === null || secret === data.secret) {
        secret = data.secret;
        send(true);
      }
    }
  });
  send();
}
