"""The HTML report's inline style sheet and script (one self-contained file: no external
resource is ever loaded), kept apart from the code that renders the report."""

CSS = """
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --paper: #ffffff; --bg: #f3f4f6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { background: #111827; color: #f9fafb; padding: 20px 32px; }
header.top h1 { margin: 0; font-size: 22px; letter-spacing: .2px; }
header.top p { margin: 4px 0 0; color: #d1d5db; }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px;
  margin-bottom: 20px; box-shadow: 0 1px 2px rgba(0,0,0,.04); }
h2 { font-size: 17px; margin: 0 0 12px; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
.total { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.total b { display: block; font-size: 24px; line-height: 1.2; }
.total span { color: var(--muted); font-size: 13px; }
.total.error b { color: #b91c1c; } .total.warning b { color: #b45309; } .total.suggestion b { color: #1d4ed8; }
.tables { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .5px; color: var(--muted); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; width: 4em; }
.bar { height: 8px; border-radius: 4px; min-width: 2px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
  vertical-align: -1px; border: 1px solid rgba(0,0,0,.15); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.lvl { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .4px;
  border-radius: 4px; padding: 1px 6px; color: #fff; }
.lvl.error { background: #b91c1c; } .lvl.warning { background: #b45309; } .lvl.suggestion { background: #1d4ed8; }
section.file header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap;
  border-bottom: 1px solid var(--line); padding-bottom: 10px; margin-bottom: 14px; }
section.file h2 { margin: 0; font: 600 15px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.counts { color: var(--muted); font-size: 13px; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 28px; align-items: start; }
.doc { white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.75 Georgia, "Times New Roman", serif; max-width: 75ch; }
.doc.missing { font: italic 14px/1.5 system-ui, sans-serif; color: var(--muted); }
mark { color: inherit; background: var(--hl); border-bottom: 2px solid var(--accent); border-radius: 2px;
  padding: 1px 0; cursor: help; }
mark.sev-suggestion { border-bottom-style: dashed; }
mark.sev-error { border-bottom-width: 3px; }
mark[data-n]::before { content: attr(data-n); display: inline-block; font: 700 10px/14px system-ui, sans-serif;
  color: #fff; background: var(--accent); border-radius: 7px; min-width: 14px; padding: 0 4px; margin-right: 2px;
  text-align: center; vertical-align: 2px; }
mark:target { outline: 3px solid var(--accent); outline-offset: 1px; }
ol.findings { list-style: none; margin: 0; padding: 0; font-size: 13px; }
ol.findings li { border-left: 4px solid var(--accent); background: #f9fafb; border-radius: 0 6px 6px 0;
  padding: 5px 8px; margin-bottom: 5px; }
ol.findings li a { color: inherit; text-decoration: none; }
ol.findings .num { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; background: var(--accent);
  color: #fff; font-size: 11px; font-weight: 700; text-align: center; margin-right: 4px; }
ol.findings .head { display: flex; align-items: center; gap: 4px; flex-wrap: nowrap; }
ol.findings .rule { font: 600 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin-left: 4px;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
ol.findings .pos { color: var(--muted); font-size: 12px; margin-left: auto; white-space: nowrap; }
ol.findings .msg { margin-top: 2px; line-height: 1.35; }
ol.findings .sugg { color: #065f46; }
.errors { border-color: #fecaca; background: #fef2f2; }
.clean { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
a { color: #1d4ed8; }
td.n a, .total a { color: inherit; text-decoration: none; border-bottom: 1px dotted currentColor; }
.js-only { display: none; }
html.js form.filters { display: block; }
html.js .shown { display: inline; }
form.filters { position: sticky; top: 0; z-index: 5; padding: 10px 22px; }
form.filters .groups { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
form.filters fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
form.filters legend { font-size: 12px; text-transform: uppercase; letter-spacing: .5px; color: var(--muted); font-weight: 600; }
form.filters label { display: inline-flex; align-items: center; gap: 4px; margin: 2px 10px 2px 0; font-size: 13px; white-space: nowrap; }
form.filters fieldset.rules { flex: 1 1 380px; }
form.filters .rules .boxes { max-height: 50px; overflow: auto; }
form.filters button { font-size: 11px; border: 1px solid var(--line); background: #f9fafb; border-radius: 4px; padding: 0 6px; cursor: pointer; }
form.filters small { color: var(--muted); }
details.index > summary, details.list > summary { cursor: pointer; font-weight: 600; }
details.index > summary { font-size: 17px; margin-bottom: 8px; }
table.index td { padding: 3px 8px; }
table.index td.path { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
table.index td.n { width: 6.5em; }
table.index tr.clean td { color: var(--muted); }
.tag { font-size: 11px; border-radius: 4px; padding: 1px 6px; background: #dcfce7; color: #166534; font-weight: 600; }
tr.none-shown { opacity: .4; }
html.js section.file.none-shown { display: none; }
section.file a.up { margin-left: auto; font-size: 12px; }
details.list > summary { font-size: 13px; color: var(--muted); margin-bottom: 6px; }
.side { position: sticky; top: 110px; max-height: calc(100vh - 120px); overflow: auto; }
li.off { display: none; }
mark.off { background: none; border-bottom-color: transparent; cursor: auto; }
mark.off::before { display: none; }
section.dense mark[data-n]::before { font-size: 8px; line-height: 11px; min-width: 11px; padding: 0 2px; border-radius: 5px; vertical-align: 4px; }
section.dense .doc { line-height: 1.9; }
@media (max-width: 900px) { .cols, .tables { grid-template-columns: 1fr; } .side { position: static; max-height: none; } }
"""

SCRIPT = """
(function () {
  document.documentElement.classList.add("js");
  var form = document.getElementById("filters");
  if (!form) return;
  var items = document.querySelectorAll("mark[data-level], li[data-level]"), counts = document.querySelectorAll("[data-shown]");
  function apply() {
    var off = {}, shown = {}, i, boxes = form.querySelectorAll("input[type=checkbox]");
    for (i = 0; i < boxes.length; i++) if (!boxes[i].checked) off[boxes[i].name + " " + boxes[i].value] = true;
    for (i = 0; i < items.length; i++) {
      var d = items[i].dataset;
      var hide = off["level " + d.level] || off["category " + d.cat] || off["rule " + d.rule] || false;
      items[i].classList.toggle("off", hide);
      if (!hide && items[i].tagName === "LI") shown[d.doc] = (shown[d.doc] || 0) + 1;
    }
    for (i = 0; i < counts.length; i++) {
      var n = shown[counts[i].getAttribute("data-shown")] || 0;
      counts[i].textContent = n;
      var holder = counts[i].closest("tr, section");
      if (holder) holder.classList.toggle("none-shown", n === 0);
    }
  }
  form.addEventListener("change", apply);
  form.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-set]");
    if (!b) return;
    var boxes = form.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++)
      if (boxes[i].name === b.getAttribute("data-group")) boxes[i].checked = b.getAttribute("data-set") === "all";
    apply();
  });
  function only(what) {  // "rule Names.Drift": that rule only, every level and category
    var cut = what.indexOf(" "), group = what.slice(0, cut), value = what.slice(cut + 1);
    var boxes = form.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = boxes[i].name !== group || boxes[i].value === value;
    apply();
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest("a[data-only]");
    if (a) only(a.getAttribute("data-only"));  // a count: its findings only, then follow the link
  });
  // A link to the report can carry a filter: report.html#only=rule%20Names.Drift
  if (location.hash.indexOf("#only=") === 0) only(decodeURIComponent(location.hash.slice(6)));
})();
"""
