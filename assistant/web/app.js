// The chat page: POST /v1/ask with the user's API key (kept in sessionStorage, never in localStorage),
// one thread per conversation. Everything from the server is inserted with textContent, never as HTML.
"use strict";

const KEY = "cosell.apiKey";
const state = { threadId: null, busy: false };
const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function addMessage(kind, text) {
  const box = el("div", `message ${kind}`);
  box.appendChild(el("p", kind === "user" ? "question" : "answer", text));
  $("messages").appendChild(box);
  box.scrollIntoView({ block: "end" });
  return box;
}

function list(title, className, items, render) {
  const wrap = el("div", className);
  wrap.appendChild(el("h3", null, title));
  const ul = el("ul");
  items.forEach((item) => ul.appendChild(render(item)));
  wrap.appendChild(ul);
  return wrap;
}

function renderAnswer(data) {
  const box = addMessage("assistant", data.answer);
  const meta = el("div", "meta");
  if (data.citations && data.citations.length) {
    meta.appendChild(list("Sources", "sources", data.citations, (c) => {
      const li = el("li");
      li.appendChild(el("strong", "title", c.title));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "source", `(${c.source || c.doc_id})`));
      if (c.snippet) li.appendChild(el("span", "snippet", c.snippet));
      return li;
    }));
  }
  if (data.tools && data.tools.length) {
    meta.appendChild(list("Tools used", "tools", data.tools, (t) =>
      el("li", null, `${t.name} ${JSON.stringify(t.arguments || {})}`)));
  }
  const notes = (data.notes || []).slice();
  if (data.withheld) notes.push("Some information was withheld because you may not see it.");
  notes.forEach((n) => meta.appendChild(el("p", "note", n)));
  if (data.candidates && data.candidates.length) {
    const choices = el("div", "candidates");
    data.candidates.forEach((c) => {
      const b = el("button", null, c.label);
      b.type = "button";
      b.addEventListener("click", () => send(c.id));
      choices.appendChild(b);
    });
    meta.appendChild(choices);
  }
  meta.appendChild(el("p", "engine", `engine: ${data.engine}`));
  box.appendChild(meta);
}

function errorText(status, body) {
  const message = body && body.error && body.error.message;
  if (status === 401) return `Your API key was not accepted${message ? ": " + message : ""}.`;
  if (status === 403) return `Not allowed: ${message || "forbidden"}.`;
  return message || `Request failed (HTTP ${status}).`;
}

async function send(question) {
  const key = sessionStorage.getItem(KEY);
  if (!key) { $("status").textContent = "Enter your API key first."; return; }
  if (state.busy || !question.trim()) return;
  state.busy = true;
  $("ask").disabled = true;
  addMessage("user", question);
  $("status").textContent = "Thinking…";
  try {
    const response = await fetch("/v1/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": `Bearer ${key}` },
      body: JSON.stringify({ question, thread_id: state.threadId }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      addMessage("error", errorText(response.status, body));
    } else {
      state.threadId = body.thread_id;
      renderAnswer(body);
    }
  } catch (err) {
    addMessage("error", `Could not reach the server: ${err}`);
  } finally {
    state.busy = false;
    $("ask").disabled = false;
    $("status").textContent = "";
  }
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
  $("api-key").value = "";
  $("key-status").textContent = key ? "Key set for this tab." : "Key cleared.";
});

$("ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const question = $("question").value;
  $("question").value = "";
  send(question);
});

$("question").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("ask-form").requestSubmit(); }
});

$("new-thread").addEventListener("click", () => {
  state.threadId = null;
  $("messages").replaceChildren();
  $("status").textContent = "New conversation.";
});

if (sessionStorage.getItem(KEY)) $("key-status").textContent = "Key set for this tab.";
