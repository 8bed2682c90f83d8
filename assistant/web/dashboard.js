// The programme dashboard: GET /v1/attribution and /v1/portfolio with the tab's API key (sessionStorage, as
// the chat page), drawn with Vega-Lite (vendored under /static/vendor, no CDN).
"use strict";
const KEY = "cosell.apiKey";
const $ = (id) => document.getElementById(id);
const EMBED = { actions: false, renderer: "svg" };
// Charts fit their card: at most 400 px wide, less on a phone (legends below, shorter axis labels).
const narrow = () => window.innerWidth < 600;
const fit = (id, spec, labels = 0) => Object.assign(spec, {
  width: Math.max(160, Math.min(400, $(id).clientWidth - 70 - labels)),
  config: { legend: { orient: narrow() ? "bottom" : "right" }, axis: { labelLimit: narrow() ? 110 : 180 } },
});

async function get(path) {
  const key = sessionStorage.getItem(KEY);
  const res = await fetch(path, { headers: { "Authorization": `Bearer ${key}` } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function roles(attribution) {
  const rows = [];
  for (const m of attribution.by_month) {
    for (const role of ["sourced", "influenced", "fulfillment", "direct"]) rows.push({ month: m.month, role, value: m[role] });
  }
  return {
    width: 400, height: 240, data: { values: rows },
    mark: "bar",
    encoding: {
      x: { field: "month", type: "ordinal", title: null },
      y: { field: "value", type: "quantitative", title: attribution.currency, stack: "zero" },
      color: { field: "role", type: "nominal", sort: ["sourced", "influenced", "fulfillment", "direct"] },
      tooltip: [{ field: "month" }, { field: "role" }, { field: "value", format: ",.0f" }],
    },
  };
}

function ropi(attribution) {
  const rows = attribution.partners.filter((p) => p.ropi !== null)
    .sort((a, b) => b.ropi - a.ropi).slice(0, 15).map((p) => ({ partner: p.name, ropi: p.ropi }));
  return {
    width: 400, height: 300, data: { values: rows }, mark: "bar",
    encoding: {
      y: { field: "partner", type: "nominal", sort: "-x", title: null },
      x: { field: "ropi", type: "quantitative", title: "ROPI" },
      tooltip: [{ field: "partner" }, { field: "ropi", format: ".1f" }],
    },
  };
}

function cohorts(portfolio) {
  const rows = portfolio.time_to_first_win.by_cohort.filter((c) => c.median_days !== null);
  return {
    width: 400, height: 240, data: { values: rows }, mark: "bar",
    encoding: {
      x: { field: "cohort", type: "ordinal", title: null },
      y: { field: "median_days", type: "quantitative", title: "median days" },
      tooltip: [{ field: "cohort" }, { field: "median_days" }, { field: "with_win" }, { field: "partners" }],
    },
  };
}

function health(portfolio) {
  const rows = portfolio.partners.map((p) => ({ health: p.health, at_risk: p.at_risk ? "at risk" : "not at risk" }));
  return {
    width: 400, height: 240, data: { values: rows }, mark: "bar",
    encoding: {
      x: { field: "health", type: "quantitative", bin: { step: 10 }, scale: { domain: [0, 100] } },
      y: { aggregate: "count", type: "quantitative", title: "partners" },
      color: { field: "at_risk", type: "nominal", scale: { range: ["#d62728", "#4c78a8"] } },
    },
  };
}

function atRisk(portfolio) {
  const byId = Object.fromEntries(portfolio.partners.map((p) => [p.partner_id, p]));
  const body = $("at-risk").querySelector("tbody");
  body.replaceChildren();
  for (const id of portfolio.at_risk.slice(0, 20)) {
    const p = byId[id];
    const tr = document.createElement("tr");
    const change = p.health_change_90d === null ? "" : (p.health_change_90d > 0 ? "+" : "") + p.health_change_90d;
    for (const text of [`${p.name} (${id})`, String(p.health), change, p.risk_reasons.join("; ")]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
}

async function load() {
  if (!sessionStorage.getItem(KEY)) { $("status").textContent = "Enter an API key (cosell users key USER_ID)."; return; }
  $("status").textContent = "Loading…";
  try {
    const [attribution, portfolio] = await Promise.all([get("/v1/attribution"), get("/v1/portfolio")]);
    await Promise.all([
      vegaEmbed("#chart-roles", fit("chart-roles", roles(attribution), narrow() ? 0 : 90), EMBED),
      vegaEmbed("#chart-ropi", fit("chart-ropi", ropi(attribution), narrow() ? 110 : 180), EMBED),
      vegaEmbed("#chart-cohorts", fit("chart-cohorts", cohorts(portfolio)), EMBED),
      vegaEmbed("#chart-health", fit("chart-health", health(portfolio), narrow() ? 0 : 90), EMBED),
    ]);
    atRisk(portfolio);
    $("status").textContent = `${attribution.from} to ${attribution.to}, ${attribution.currency}; ` +
      `${portfolio.partners.length} partners, ${portfolio.at_risk.length} at risk.`;
    document.body.dataset.ready = "true";
  } catch (err) {
    $("status").textContent = `Could not load the dashboard: ${err.message}`;
  }
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
  $("api-key").value = "";
  load();
});
load();
