/* Embed render flags, applied before first paint (a file, not inline: the CSP allows scripts from 'self' only).
   dark=true|false|auto sets the theme (other values are ignored); plain hides title, takeaway and notes. */
(function (q, r) {
  var d = q.get("dark"), p = q.get("plain");
  if (d === "true") r.setAttribute("data-theme", "dark");
  else if (d === "false") r.setAttribute("data-theme", "light");
  else if (d === "auto") r.removeAttribute("data-theme");
  if (p !== null && p !== "false" && p !== "0") r.setAttribute("data-plain", "");
})(new URLSearchParams(location.search), document.documentElement);
