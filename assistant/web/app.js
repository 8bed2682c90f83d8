// The chat page: asks POST /v1/ask as server-sent events (a `tool` event per tool call, then the
// `answer`), draws the tools' results as tables with CSV export, opens sources in a document view and lets
// a reviewer approve or reject drafts. Uses common.js (the key in sessionStorage, `api`, `el`).
"use strict";

const state = { threadId: null, busy: false, me: null, pending: null };
const ROLES = { admin: "Admin", channel_manager: "Channel manager", marketer: "Marketer",
                partner_seller: "Partner seller" };
const TOOL_WORDS = {
  search_content: "Searching the programme content", map_accounts: "Mapping accounts",
  match_partners: "Ranking partners for the deal", next_best_actions: "Finding next best actions",
  draft_content: "Writing the draft", attribution: "Adding up partner attribution",
  portfolio: "Reading the partner portfolio", registrations: "Reading deal registrations",
  route_lead: "Routing the lead", leads: "Reading leads", mdf: "Reading market development funds",
  recruit: "Looking for partners to recruit", onboarding: "Reading the onboarding plan",
  partner_profile: "Reading the partner profile", find_partners: "Searching the partner directory",
};
const ROWS_SHOWN = 25;

// ---- tables ---------------------------------------------------------------------------------------
const join = (v) => (Array.isArray(v) ? v.join("; ") : v);
const pct = (v) => (v === null || v === undefined ? "" : `${Math.round(v * 100)}%`);
const num = (v) => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : v);
const yesNo = (v) => (v === true ? "yes" : v === false ? "no" : "");
const col = (label, get, kind) => ({ label, get: typeof get === "string" ? (r) => r[get] : get, kind });

const MATCH_COLUMNS = [
  col("#", (r, i) => i + 1, "num"), col("Partner", "name"), col("Score", (r) => pct(r.score), "num"),
  col("Eligible", (r) => yesNo(r.eligible)), col("Why", (r) => join(r.reasons)),
  col("Conflicts", (r) => join(r.conflicts)),
];
// kind of typed result -> the tables to draw: title, rows, columns
const TABLES = {
  MatchResponse: (d) => [{ title: `Partners for ${d.opportunity_id}`, name: `partners-${d.opportunity_id}`,
                           rows: d.partners, columns: MATCH_COLUMNS }],
  LeadRouting: (d) => [{ title: `Partners for lead ${d.lead_id}`, name: `lead-${d.lead_id}`, rows: d.partners,
                         columns: MATCH_COLUMNS }],
  MappingResponse: (d) => [
    { title: `Overlap with ${d.partner_id}: counts`, name: `overlap-summary-${d.partner_id}`, rows: d.summary,
      columns: [col("Our population", "vendor_population"), col("Partner's population", "partner_population"),
                col("Accounts", "count", "num")] },
    { title: `Overlapping accounts with ${d.partner_id}`, name: `overlaps-${d.partner_id}`, rows: d.overlaps,
      empty: (d.sharing && d.sharing.note) || "No overlapping accounts are shared with you at row level.",
      columns: [col("Account", "account_name"), col("Partner's name", "partner_account_name"),
                col("Our population", (r) => join(r.vendor_populations)),
                col("Partner's population", "partner_population"),
                col("Confidence", (r) => pct(r.confidence), "num"), col("Signal", "signal"),
                col("Account id", "account_id")] },
  ],
  NbaResponse: (d) => [{ title: `Next best actions for ${d.subject_id}`, name: `nba-${d.subject_id}`,
                         rows: d.actions,
                         columns: [col("Priority", "priority", "num"), col("Action", "title"), col("Why", "why"),
                                   col("Evidence", (r) => join(r.evidence)), col("Kind", "kind")] }],
  RegistrationList: (d) => [registrationTable(d.registrations)],
  RegistrationOut: (d) => [registrationTable([d])],
  AttributionResponse: (d) => [{ title: `Attribution ${d.from_ || d.from || ""} to ${d.to} (${d.currency})`,
                                 name: "attribution", rows: d.partners,
                                 columns: [col("Partner", "name"), col("Sourced", "sourced", "num"),
                                           col("Influenced", "influenced", "num"),
                                           col("Fulfillment", "fulfillment", "num"),
                                           col("Won deals", "won_deals", "num"),
                                           col("MDF spent", "mdf_spent", "num"), col("ROPI", "ropi", "num")] }],
  PortfolioResponse: (d) => [{ title: "Partner portfolio", name: "portfolio", rows: d.partners,
                               columns: [col("Partner", "name"), col("Tier", "tier"), col("Health", "health", "num"),
                                         col("90-day change", "health_change_90d", "num"),
                                         col("At risk", (r) => yesNo(r.at_risk)),
                                         col("Why", (r) => join(r.risk_reasons))] }],
  LeadList: (d) => [genericTable("Leads", "leads", d.leads)],
  MdfList: (d) => [genericTable("Market development funds", "mdf", d.activities)],
};

function registrationTable(rows) {
  return { title: "Deal registrations", name: "registrations", rows,
           columns: [col("Registration", "registration_id"), col("Partner", "partner_id"),
                     col("Account", "account_name"), col("Status", "status"), col("Amount", "amount", "num"),
                     col("Submitted", "submitted_on"), col("Expires", "expires_on"),
                     col("Days left", "days_left", "num"), col("Reason", "reason")] };
}

// A list of records of a kind without its own columns: its plain fields, ids last.
function genericTable(title, name, rows) {
  const keys = [];
  (rows || []).slice(0, 20).forEach((r) => Object.keys(r).forEach((k) => {
    const v = r[k];
    const plain = v === null || typeof v !== "object" || (Array.isArray(v) && v.every((x) => typeof x !== "object"));
    if (plain && !keys.includes(k)) keys.push(k);
  }));
  keys.sort((a, b) => a.endsWith("_id") - b.endsWith("_id"));
  const label = (k) => k.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  return { title, name, rows, columns: keys.slice(0, 9).map((k) => col(label(k), (r) => join(r[k]))) };
}

function cell(column, row, i) {
  const v = column.get(row, i);
  return v === null || v === undefined ? "" : v;
}

function csvText(table) {
  const quote = (v) => { const s = String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  const lines = [table.columns.map((c) => quote(c.label)).join(",")];
  table.rows.forEach((row, i) => lines.push(table.columns.map((c) => quote(cell(c, row, i))).join(",")));
  return lines.join("\r\n") + "\r\n";
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function drawTable(table) {
  const wrap = el("div", "result");
  const head = el("div", "result-head");
  head.appendChild(el("h3", null, table.title));
  const rows = table.rows || [];
  if (!rows.length) {
    wrap.appendChild(head);
    wrap.appendChild(el("p", "muted", table.empty || "Nothing to show."));
    return wrap;
  }
  const csv = el("button", "secondary small", "Download CSV");
  csv.type = "button";
  csv.setAttribute("aria-label", `Download CSV: ${table.title}`);
  csv.addEventListener("click", () => download(`${table.name}.csv`, csvText(table), "text/csv"));
  head.appendChild(csv);
  wrap.appendChild(head);
  const scroller = el("div", "table-scroll");
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", table.title);
  const t = el("table");
  const thead = el("thead");
  const hr = el("tr");
  table.columns.forEach((c) => {
    const th = el("th", c.kind === "num" ? "num" : null, c.label);
    th.scope = "col";
    hr.appendChild(th);
  });
  thead.appendChild(hr);
  const tbody = el("tbody");
  const fill = (count) => {
    tbody.replaceChildren();
    rows.slice(0, count).forEach((row, i) => {
      const tr = el("tr");
      table.columns.forEach((c) => {
        const td = el("td", c.kind === "num" ? "num" : null, num(cell(c, row, i)));
        td.dataset.label = c.label;  // a phone shows each row as a card: "label  value"
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  };
  fill(ROWS_SHOWN);
  t.append(thead, tbody);
  scroller.appendChild(t);
  wrap.appendChild(scroller);
  if (rows.length > ROWS_SHOWN) {
    const more = el("button", "secondary small", `Show all ${rows.length} rows`);
    more.type = "button";
    more.addEventListener("click", () => { fill(rows.length); more.remove(); });
    wrap.appendChild(more);
  }
  return wrap;
}

// ---- drafts ---------------------------------------------------------------------------------------
function canReview() { return !!(state.me && state.me.capabilities.includes("review_drafts")); }

function checksList(checks) {
  const ul = el("ul", "checks");
  (checks || []).forEach((c) => {
    const li = el("li", c.passed ? "pass" : "fail", `${c.passed ? "✓ passed" : "✗ failed"}: ${c.name.replace(/_/g, " ")}`);
    if (!c.passed && c.detail) li.appendChild(el("span", "muted", ` (${c.detail})`));
    ul.appendChild(li);
  });
  return ul;
}

// Approve / reject controls for a pending draft; `done(status)` after a decision.
function reviewControls(draftId, done) {
  const box = el("div", "review");
  const approve = el("button", null, "Approve");
  approve.type = "button";
  const reject = el("button", "secondary", "Reject…");
  reject.type = "button";
  const form = el("form", "reject-form");
  form.hidden = true;
  const id = `reject-${draftId}-${Math.random().toString(36).slice(2, 7)}`;
  const label = el("label", null, "Why reject it?");
  label.htmlFor = id;
  const comment = el("input");
  comment.id = id;
  comment.required = true;
  const confirm = el("button", "danger", "Reject draft");
  confirm.type = "submit";
  form.append(label, comment, confirm);
  const said = el("p", "review-status");
  said.setAttribute("role", "status");
  const decide = async (action, text) => {
    approve.disabled = reject.disabled = confirm.disabled = true;
    try {
      const body = await api(`/v1/drafts/${encodeURIComponent(draftId)}/${action}`, { body: { comment: text || null } });
      said.textContent = `Draft ${draftId} ${body.status || (action === "approve" ? "approved" : "rejected")}.`;
      approve.remove(); reject.remove(); form.remove();
      if (done) done(body.status);
    } catch (err) {
      said.textContent = err.message;
      approve.disabled = reject.disabled = confirm.disabled = false;
    }
  };
  approve.addEventListener("click", () => decide("approve"));
  reject.addEventListener("click", () => { form.hidden = false; comment.focus(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); decide("reject", comment.value.trim()); });
  box.append(approve, reject, form, said);
  return box;
}

function draftCard(d) {
  const card = el("div", "result draft");
  card.appendChild(el("h3", null, `Draft: ${d.kit_id} for ${d.partner_id} (${d.resolved_locale || d.locale}, ${d.channel})`));
  if (d.subject) card.appendChild(el("p", "draft-subject", `Subject: ${d.subject}`));
  card.appendChild(el("p", "draft-body", d.body));
  card.appendChild(checksList(d.checks));
  const actions = el("div", "buttons");
  if (d.html) {
    const html = el("button", "secondary small", "Download landing page HTML");
    html.type = "button";
    html.addEventListener("click", () => download(`${d.draft_id || d.kit_id}.html`, d.html, "text/html"));
    actions.appendChild(html);
  }
  card.appendChild(actions);
  if (d.draft_id && d.status === "pending") {
    card.appendChild(el("p", "muted", `Saved as ${d.draft_id}, waiting for review.`));
    if (canReview()) card.appendChild(reviewControls(d.draft_id, () => loadDrafts()));
  }
  return card;
}

async function loadDrafts() {
  $("drafts").hidden = !canReview();
  if (!canReview()) return;
  const list = $("draft-list");
  try {
    const body = await api("/v1/drafts?status=pending&limit=20");
    list.replaceChildren();
    $("drafts-status").textContent = body.drafts.length ? `${body.total || body.drafts.length} pending` : "No drafts waiting for review.";
    body.drafts.forEach((d) => {
      const li = el("li", "draft-item");
      const head = el("div", "draft-head");
      head.appendChild(el("strong", null, d.subject || d.kit_id));
      head.appendChild(el("span", "muted",
        ` ${d.partner_name || d.partner_id} · ${d.locale} ${d.channel} · by ${d.created_by} on ${String(d.created_at).slice(0, 10)} · ${d.passed ? "checks passed" : "checks failed"}`));
      const details = el("details");
      details.appendChild(el("summary", null, `Review ${d.draft_id}`));
      details.appendChild(el("p", "draft-body", d.body));
      details.appendChild(checksList(d.checks));
      details.appendChild(reviewControls(d.draft_id, () => setTimeout(loadDrafts, 1200)));
      li.append(head, details);
      list.appendChild(li);
    });
  } catch (err) {
    $("drafts-status").textContent = err.message;
  }
}

// ---- documents ------------------------------------------------------------------------------------
let docOpener = null;

async function openDocument(docId, opener) {
  docOpener = opener;
  const dialog = $("doc-view");
  $("doc-title").textContent = "Loading…";
  $("doc-meta").textContent = "";
  $("doc-body").replaceChildren();
  $("doc-link").href = docViewUrl(docId);
  if (!dialog.open) dialog.showModal();
  try {
    renderDocument(await api(`/v1/documents/${encodeURIComponent(docId)}`), $("doc-title"), $("doc-meta"), $("doc-body"));
  } catch (err) {
    $("doc-title").textContent = "Document not available";
    $("doc-body").replaceChildren(el("p", null, err.message));
  }
}

$("doc-close").addEventListener("click", () => $("doc-view").close());
$("doc-view").addEventListener("close", () => { if (docOpener) docOpener.focus(); });

// ---- answers --------------------------------------------------------------------------------------
function addMessage(kind, text) {
  const box = el("div", `message ${kind}`);
  if (text !== undefined) box.appendChild(el("p", kind === "user" ? "question" : "answer", text));
  $("messages").appendChild(box);
  box.scrollIntoView({ block: "end" });
  return box;
}

function renderAnswer(box, data) {
  box.replaceChildren();
  const drawn = [];
  (data.results || []).forEach((r) => {
    if (r.kind === "DraftResponse") drawn.push(draftCard(r.data));
    else if (TABLES[r.kind]) TABLES[r.kind](r.data).forEach((t) => drawn.push(drawTable(t)));
  });
  const text = data.answer || "";
  if (drawn.length && text.split("\n").length > 4) {
    box.appendChild(el("p", "answer", text.split("\n")[0]));
    const details = el("details", "full-text");
    details.appendChild(el("summary", null, "The answer as text"));
    details.appendChild(el("p", "answer", text));
    drawn.forEach((d) => box.appendChild(d));
    box.appendChild(details);
  } else {
    box.appendChild(el("p", "answer", text));
    drawn.forEach((d) => box.appendChild(d));
  }
  const meta = el("div", "meta");
  if (data.candidates && data.candidates.length) {
    const choices = el("div", "candidates");
    choices.setAttribute("role", "group");
    choices.setAttribute("aria-label", "Pick one");
    data.candidates.forEach((c) => {
      const b = el("button", null, c.label);
      b.type = "button";
      b.addEventListener("click", () => send(c.id));
      choices.appendChild(b);
    });
    meta.appendChild(choices);
  }
  if (data.citations && data.citations.length) {
    meta.appendChild(el("h3", null, "Sources"));
    const ul = el("ul", "sources");
    data.citations.forEach((c) => {
      const li = el("li");
      const a = el("a", "source-link", c.title || c.doc_id);
      a.href = docViewUrl(c.doc_id);
      a.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        openDocument(c.doc_id, a);
      });
      li.appendChild(a);
      if (c.snippet) li.appendChild(el("span", "snippet", c.snippet));
      ul.appendChild(li);
    });
    meta.appendChild(ul);
  }
  const notes = (data.notes || []).slice();
  if (data.withheld) notes.push("Some information was left out because you may not see it.");
  notes.forEach((n) => meta.appendChild(el("p", "note", n)));
  const used = [...new Set((data.tools || []).map((t) => (TOOL_WORDS[t.name] || t.name.replace(/_/g, " ")).toLowerCase()))];
  if (used.length) meta.appendChild(el("p", "how", `How this was answered: ${used.join(", ")}.`));
  box.appendChild(meta);
}

// The SSE stream of POST /v1/ask: calls `on(event, data)` per event.
async function readEvents(response, on) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      raw.split("\n").forEach((line) => {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      });
      if (data.length) on(name, JSON.parse(data.join("\n")));
    }
    if (done) return;
  }
}

async function send(question) {
  question = (question || "").trim();
  if (!question || state.busy) return;
  if (!apiKey()) {
    state.pending = question;
    $("status").textContent = "Enter your API key above: your question will be sent once you are signed in.";
    $("api-key").focus();
    return;
  }
  state.busy = true;
  $("ask").disabled = true;
  $("question").value = "";
  addMessage("user", question);
  const box = addMessage("pending");
  const progress = el("p", "progress", "Thinking…");
  box.appendChild(progress);
  $("status").textContent = "Thinking…";
  let answered = false;
  try {
    const response = await fetch("/v1/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream",
                 "Authorization": `Bearer ${apiKey()}` },
      body: JSON.stringify({ question, thread_id: state.threadId, stream: true, results: true }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      box.className = "message error";
      box.replaceChildren(el("p", "answer", errorText(response.status, body)));
      answered = true;
      return;
    }
    await readEvents(response, (name, data) => {
      if (name === "tool") {
        const words = TOOL_WORDS[data.name] || (data.name ? data.name.replace(/_/g, " ") : "Working");
        progress.textContent = `${words}…`;
        $("status").textContent = `${words}…`;
      } else if (name === "answer") {
        answered = true;
        state.threadId = data.thread_id;
        box.className = "message assistant";
        renderAnswer(box, data);
        if ((data.results || []).some((r) => r.kind === "DraftResponse")) loadDrafts();
      } else if (name === "error") {
        answered = true;
        box.className = "message error";
        box.replaceChildren(el("p", "answer", errorText(data.error && data.error.code === "forbidden" ? 403 : 400, data)));
      }
    });
    if (!answered) {
      box.className = "message error";
      box.replaceChildren(el("p", "answer", "The answer was cut off: please ask again."));
    }
  } catch (err) {
    box.className = "message error";
    box.replaceChildren(el("p", "answer", `Could not reach the server: ${err.message || err}`));
  } finally {
    state.busy = false;
    $("ask").disabled = false;
    $("status").textContent = "";
  }
}

// ---- who is signed in -----------------------------------------------------------------------------
function examples(me, lists) {
  const first = (kind, keep) => ((lists[kind] && lists[kind].items) || []).find(keep || (() => true)) || null;
  const partner = first("partners");
  const deal = first("deals", (d) => !/^closed/.test(d.detail || ""));  // detail: "stage, amount"
  const kit = first("kits");
  if (me.role === "partner_seller") {
    return ["What are the rules for registering a deal?", "What should we do next?",
            "Which of our registrations expire soon?", "Which MDF requests are waiting?"];
  }
  if (me.role === "marketer") {
    return [partner && kit ? `Draft an email for ${partner.name} from the ${kit.name} kit` : null,
            "Which MDF requests are waiting?", "What are the rules for co-branded content?"];
  }
  return [deal ? `Which partners should we bring into ${deal.name}?` : null,
          partner ? `Map accounts with ${partner.name}` : null,
          "Which partners are at risk?", "Which registrations are waiting for a decision?",
          "Partner attribution for the last year", "Which MDF requests are waiting?"];
}

async function showExamples(me) {
  const kinds = me.role === "partner_seller" ? [] : me.role === "marketer" ? ["partners", "kits"] : ["partners", "deals"];
  const lists = {};
  await Promise.all(kinds.map(async (k) => {
    try { lists[k] = await api(`/v1/list/${k}`); } catch (err) { lists[k] = null; }
  }));
  const box = $("example-list");
  box.replaceChildren();
  examples(me, lists).filter(Boolean).forEach((q) => {
    const b = el("button", "chip", q);
    b.type = "button";
    b.addEventListener("click", () => send(q));
    box.appendChild(b);
  });
  $("examples").hidden = !box.children.length;
}

function signedOut(message) {
  sessionStorage.removeItem(KEY);
  state.me = null;
  $("whoami").textContent = "Not signed in";
  $("sign-out").hidden = true;
  $("key-fields").hidden = false;
  $("examples").hidden = true;
  $("drafts").hidden = true;
  $("key-status").textContent = message || "";
}

async function signIn() {
  try {
    state.me = await api("/v1/me");
  } catch (err) {
    signedOut(err.status === 401 ? "That key was not accepted." : err.message);
    return;
  }
  const me = state.me;
  const org = me.partner_name || me.partner_id;
  $("whoami").textContent = `Signed in as ${me.name} · ${ROLES[me.role] || me.role}${org ? " at " + org : ""}`;
  $("key-status").textContent = "";
  $("sign-out").hidden = false;
  $("key-fields").hidden = true;
  showExamples(me);
  loadDrafts();
  if (state.pending) {
    const question = state.pending;
    state.pending = null;
    send(question);
  }
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  $("api-key").value = "";
  if (!key) { signedOut("Key cleared."); return; }
  sessionStorage.setItem(KEY, key);
  signIn();
});

$("sign-out").addEventListener("click", () => {
  signedOut("Signed out.");
  state.threadId = null;
  $("messages").replaceChildren();
});

$("ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  send($("question").value);
});

$("question").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("ask-form").requestSubmit(); }
});

$("new-thread").addEventListener("click", () => {
  state.threadId = null;
  $("messages").replaceChildren();
  $("status").textContent = "New conversation.";
});

if (apiKey()) signIn();
