/**
 * Runs on embed pages (/embed/<id>/): measures the document with a ResizeObserver and, whenever its
 * height changes, tells the parent page in every format hosts already listen for:
 *  - ours:        {type: "beyond-one-word:height", id, height}   (read by /embed.js)
 *  - Datawrapper: {"datawrapper-height": {[id]: height}}
 *  - Pym.js:      "pymxPYMx<childId>xPYMxheightxPYMx<height>"    (only with ?childId=)
 *  - WordPress:   {message: "height", value: height, secret}     (only with #?secret=)
 * Target origin "*" is what these protocols use: the data holds only numbers and validated ids.
 */

export const HEIGHT_TYPE = "beyond-one-word:height";
export const PING_TYPE = "beyond-one-word:ping";

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SAFE_CHILD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_SECRET = /^[A-Za-z0-9]{1,32}$/;

/** The WordPress embed secret from a hash like "#?secret=abc123" (alphanumeric only), else null. */
export function wordpressSecret(hash: string): string | null {
  const m = /[#?&]secret=([^&#]*)/.exec(hash);
  return m && SAFE_SECRET.test(m[1]!) ? m[1]! : null;
}

/** Pym's childId from the query (letters, digits, "-" and "_"), else null. */
export function pymChildId(search: string): string | null {
  const v = new URLSearchParams(search).get("childId");
  return v !== null && SAFE_CHILD_ID.test(v) ? v : null;
}

/** Every message for one height, in the order they are posted. */
export function heightMessages(id: string, height: number, childId: string | null, secret: string | null): unknown[] {
  const out: unknown[] = [{ type: HEIGHT_TYPE, id, height }, { "datawrapper-height": { [id]: height } }];
  if (childId) out.push(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);
  if (secret) out.push({ message: "height", value: height, secret });
  return out;
}

/** The document's own height: not scrollHeight, which never drops below the iframe's height. */
function measure(): number {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

export function startHeightMessages(): void {
  const parent = window.parent;
  if (parent === window) return;
  const root = document.querySelector<HTMLElement>("[data-embed-id]");
  const id = root?.dataset.embedId ?? "";
  if (!SAFE_ID.test(id)) return;
  const childId = pymChildId(location.search);
  const secret = wordpressSecret(location.hash);
  let last = -1;
  const send = (force = false) => {
    const height = measure();
    if (height <= 0 || (height === last && !force)) return;
    last = height;
    for (const m of heightMessages(id, height, childId, secret)) parent.postMessage(m, "*");
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  // /embed.js asks again if it loaded after our first message.
  window.addEventListener("message", (e) => {
    if (e.source === parent && (e.data as { type?: unknown } | null)?.type === PING_TYPE) send(true);
  });
  send();
}
