/* Beyond One Word embed resizer. Sets the height of our chart iframes on this page from the
   height messages their pages post. A message counts only if it comes from one of those iframes'
   own windows (event.source) and from the origin this script was served from. */
(function (w, d) {
  var s = d.currentScript, o, k;
  try { o = new URL(s.src).origin; } catch (e) { return; }
  k = "__bowEmbed" + o;
  if (w[k]) return;
  w[k] = 1;
  function ours() {
    var a = d.getElementsByTagName("iframe"), r = [], i;
    for (i = 0; i < a.length; i++) if (a[i].hasAttribute("data-bow-embed") || a[i].src.indexOf(o + "/") === 0) r.push(a[i]);
    return r;
  }
  w.addEventListener("message", function (e) {
    var m = e.data, h, f = ours(), i;
    if (e.origin !== o || !m || m.type !== "beyond-one-word:height") return;
    h = Math.ceil(+m.height);
    if (!(h > 0 && h < 1e5)) return;
    for (i = 0; i < f.length; i++) if (f[i].contentWindow === e.source) f[i].style.height = h + "px";
  });
  /* Frames that loaded before this script: ask them to send their height again. The ping carries
     no data, so it goes to any origin: a lazy iframe that has not navigated yet is still about:blank,
     and a ping addressed to our origin would log "target origin does not match" on the host page
     (that frame sends its height itself once it loads). */
  ours().forEach(function (f) {
    try { f.contentWindow.postMessage({ type: "beyond-one-word:ping" }, "*"); } catch (e) {}
  });
})(window, document);
