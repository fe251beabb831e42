"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("data").textContent);
  const C = {};
  DATA.columns.forEach((name, i) => { C[name] = i; });
  const ROWS = DATA.rows;
  const PAGE = 50;
  const COLORS = {speedup: "#4c78a8", memory_reduction: "#f58518", compute_reduction: "#e45756",
                  model_size: "#72b7b2", dataset_size: "#54a24b", benchmark_score: "#b279a2"};
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  // one lower-cased haystack per claim, built once: search stays fast on tens of thousands of claims
  const HAY = ROWS.map((r) => [r[C.sentence], r[C.subject], r[C.baseline], r[C.benchmark], r[C.metric], r[C.title], r[C.id]]
    .filter(Boolean).join(" \u0001 ").toLowerCase());
  let shown = [];
  let page = 0;

  function card() {
    const c = DATA.card;
    const items = [["source", (c.sources || []).join("; ") || "—"], ["version", `claimset ${c.version || "?"}, schema ${c.schema_version || "?"}`],
      ["extractor", c.extractor], ["counts", `${c.papers.toLocaleString()} papers, ${c.claims.toLocaleString()} claims`],
      ["per type", Object.entries(c.per_type).map(([t, n]) => `${t} ${n}`).join(", ")], ["licence", (c.licenses || []).join(", ") || "—"]];
    if (c.quality) {
      const q = Object.entries(c.quality.measured_on).map(([set, m]) => `${set}: micro-F1 ${m.f1.toFixed(3)} (P ${m.precision.toFixed(3)}, R ${m.recall.toFixed(3)}, ${m.papers} papers)`);
      items.push(["measured quality", q.join("; ") + ` — ${c.quality.how}`]);
      const h = c.quality.held_out_blind;
      if (h) items.push(["held out, blind", `micro-F1 ${h.f1.toFixed(3)} (P ${h.precision.toFixed(3)}, R ${h.recall.toFixed(3)}) on ${h.papers} papers the rules were not tuned on; subject overlap ${h.subject.toFixed(2)} — ${h.how}`]);
    } else {
      items.push(["measured quality", "not measured for this extractor: run claimset evaluate --gold FILE"]);
    }
    $("card").innerHTML = "<dl>" + items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("") + "</dl>";
  }

  function options(id, col) {
    const counts = new Map();
    ROWS.forEach((r) => { const v = r[col]; if (v != null && v !== "") counts.set(v, (counts.get(v) || 0) + 1); });
    const sel = $(id);
    [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).forEach(([v, n]) => {
      const o = document.createElement("option");
      o.value = v; o.textContent = `${v} (${n})`;
      sel.appendChild(o);
    });
  }

  function filter() {
    const type = $("f-type").value, unit = $("f-unit").value, bench = $("f-benchmark").value;
    const since = parseInt($("f-since").value, 10), until = parseInt($("f-until").value, 10);
    const conf = parseFloat($("f-conf").value);
    const words = $("f-search").value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = [];
    for (let i = 0; i < ROWS.length; i++) {
      const r = ROWS[i];
      if (type && r[C.type] !== type) continue;
      if (unit && r[C.unit] !== unit) continue;
      if (bench && r[C.benchmark] !== bench) continue;
      if (!isNaN(since) && !(r[C.year] >= since)) continue;
      if (!isNaN(until) && !(r[C.year] <= until)) continue;
      if (!isNaN(conf) && !(r[C.confidence] >= conf)) continue;
      if (words.length && !words.every((w) => HAY[i].includes(w))) continue;
      shown.push(i);
    }
    page = 0;
    render();
  }

  function marked(r) {
    const s = r[C.sentence], a = r[C.off], b = a + r[C.len];
    return esc(s.slice(0, a)) + "<mark>" + esc(s.slice(a, b)) + "</mark>" + esc(s.slice(b));
  }

  function row(i) {
    const r = ROWS[i];
    const fields = ["subject", "baseline", "benchmark", "metric"].filter((f) => r[C[f]]).map((f) => `<div><b>${f}</b>: ${esc(r[C[f]])}</div>`).join("");
    const paper = r[C.url] ? `<a href="${esc(r[C.url])}">${esc(r[C.title])}</a>` : esc(r[C.title]);
    return `<tr data-claim="${esc(r[C.id])}"><td class="type"><span class="swatch" style="background:${COLORS[r[C.type]] || "#999"}"></span>${esc(r[C.type])}</td>` +
      `<td>${esc(r[C.shown])}</td><td class="sentence">${marked(r)}</td>` +
      `<td class="paper">${paper}${r[C.year] ? ` (${r[C.year]})` : ""}<div class="id">${esc(r[C.id])}</div></td>` +
      `<td class="fields">${fields}</td><td>${r[C.confidence].toFixed(2)}</td>` +
      `<td class="cite"><button type="button" class="copy-quote" data-i="${i}">Copy quote</button><button type="button" class="copy-bib" data-i="${i}">Copy BibTeX</button></td></tr>`;
  }

  function render() {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    const slice = shown.slice(page * PAGE, page * PAGE + PAGE);
    $("rows").innerHTML = slice.map(row).join("");
    $("count").textContent = `${shown.length.toLocaleString("en")} of ${ROWS.length.toLocaleString("en")} claims`;
    $("count").dataset.count = String(shown.length);
    $("page").textContent = `page ${page + 1} of ${pages}`;
    $("prev").disabled = page === 0;
    $("next").disabled = page >= pages - 1;
  }

  function copy(text, what) {
    window.__claimsetLastCopy = text;  // what was copied, for people and for tests
    const done = () => { $("copied").textContent = `${what} copied to the clipboard.`; };
    const fallback = () => {
      const t = document.createElement("textarea");
      t.value = text; document.body.appendChild(t); t.select();
      try { document.execCommand("copy"); } catch (e) { /* the text stays selectable */ }
      t.remove(); done();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function charts() {
    const list = $("chart-list");
    if (!DATA.charts.length) { list.textContent = "No charts in this report."; return; }
    DATA.charts.forEach((c, k) => {
      const box = document.createElement("div");
      box.className = "chart"; box.id = `chart-${c.recipe}`;
      box.innerHTML = `<h3>${esc(c.title)}${c.ok ? "" : ' <span class="failed">(too little data to fit)</span>'}</h3><div class="vis" id="vis-${k}"></div>` +
        `<details><summary>figures (claimset fit ${esc(c.recipe)})</summary><pre>${esc(c.figures)}</pre></details>`;
      list.appendChild(box);
      window.vegaEmbed(`#vis-${k}`, c.spec, {renderer: "svg", actions: false}).then(() => { box.dataset.rendered = "1"; })
        .catch((e) => { box.dataset.rendered = "error"; console.error(`chart ${c.recipe}: ${e}`); });
    });
  }

  document.addEventListener("click", (ev) => {
    const b = ev.target.closest("button");
    if (!b) return;
    if (b.classList.contains("copy-quote")) copy(ROWS[+b.dataset.i][C.quote], "Markdown quote");
    if (b.classList.contains("copy-bib")) copy(DATA.bib[ROWS[+b.dataset.i][C.key]], "BibTeX entry");
  });
  ["f-type", "f-unit", "f-benchmark"].forEach((id) => $(id).addEventListener("change", filter));
  ["f-since", "f-until", "f-conf", "f-search"].forEach((id) => $(id).addEventListener("input", filter));
  $("f-reset").addEventListener("click", () => { $("filters").reset(); filter(); });
  $("prev").addEventListener("click", () => { page--; render(); });
  $("next").addEventListener("click", () => { page++; render(); });
  card();
  options("f-type", C.type); options("f-unit", C.unit); options("f-benchmark", C.benchmark);
  filter();
  charts();
  document.body.dataset.ready = "1";
})();
