/**
 * "Chart (PNG)" for charts without a PNG built at build time (area charts, issue 18: hundreds per
 * build, and resvg was half their build cost). The button fetches the chart's SVG download (the same
 * file as "Chart (SVG)": title, chart, legend, source, credit), draws it on a canvas at twice its
 * size on a white ground and saves the result. The site is static, so there is no server to make it
 * on request. Text is drawn in the reader's fonts for the SVG's font list (as when the SVG is opened
 * in a browser). Without JavaScript the button stays hidden and the SVG download remains.
 */

/** PNG bytes of an SVG document drawn at `scale`. */
export async function svgToPngBlob(svgText: string, scale: number, win: Window & typeof globalThis = window): Promise<Blob> {
  const url = win.URL.createObjectURL(new win.Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new win.Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const w = img.naturalWidth || img.width, h = img.naturalHeight || img.height;
    if (!(w > 0 && h > 0)) throw new Error("The chart's SVG has no size.");
    const canvas = win.document.createElement("canvas");
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw on a canvas.");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The PNG could not be made."))), "image/png"));
  } finally {
    win.URL.revokeObjectURL(url);
  }
}

export function enhancePngDownloads(doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || typeof win.HTMLCanvasElement === "undefined" || !("toBlob" in win.HTMLCanvasElement.prototype)) return;
  for (const button of Array.from(doc.querySelectorAll<HTMLButtonElement>("button[data-png-from]"))) {
    if (button.dataset.pngReady) continue;
    button.dataset.pngReady = "1";
    const item = button.closest<HTMLElement>("[data-png-item]");
    if (item) item.hidden = false;
    button.addEventListener("click", async () => {
      const label = button.textContent;
      button.disabled = true;
      button.textContent = "Making the PNG…";
      try {
        const res = await win.fetch(button.dataset.pngFrom!);
        if (!res.ok) throw new Error(`The chart's SVG did not load (HTTP ${res.status}).`);
        const blob = await svgToPngBlob(await res.text(), 2, win);
        const a = doc.createElement("a");
        a.href = win.URL.createObjectURL(blob);
        a.download = button.dataset.pngName ?? "chart.png";
        doc.body.append(a);
        a.click();
        a.remove();
        win.setTimeout(() => win.URL.revokeObjectURL(a.href), 10_000);
        button.textContent = label;
      } catch (e) {
        button.textContent = `${label}: ${(e as Error).message} Use the SVG instead.`;
      } finally {
        button.disabled = false;
      }
    });
  }
}
