// Shared by the chat page and the document page. The API key lives in this tab's sessionStorage only
// (never in localStorage, never in a URL). Everything from the server is inserted as text, never as HTML.
"use strict";

const KEY = "cosell.apiKey";
const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function apiKey() { return sessionStorage.getItem(KEY); }

function errorText(status, body) {
  const message = body && body.error && body.error.message;
  if (status === 401) return `Your API key was not accepted${message ? ": " + message : ""}.`;
  if (status === 403) return `Not allowed: ${message || "forbidden"}.`;
  if (status === 404) return message ? `Not found: ${message}.` : "Not found.";
  if (status === 429) return "Too many requests: wait a moment and try again.";
  return message || `Request failed (HTTP ${status}).`;
}

class ApiError extends Error {
  constructor(status, body) { super(errorText(status, body)); this.status = status; }
}

// GET or POST /v1/... with the key; the parsed JSON, or an ApiError with a readable message.
async function api(path, options = {}) {
  const headers = { "Authorization": `Bearer ${apiKey() || ""}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method: options.method || (options.body !== undefined ? "POST" : "GET"),
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function docViewUrl(docId) { return `/docs/view?doc_id=${encodeURIComponent(docId)}`; }

// A document from /v1/documents into `title`, `meta` and `body` elements.
function renderDocument(doc, title, meta, body) {
  title.textContent = doc.title || doc.doc_id;
  const bits = [doc.source];
  if (doc.updated_on) bits.push(`updated ${doc.updated_on}`);
  if (doc.locale) bits.push(`language: ${doc.locale}`);
  meta.textContent = bits.filter(Boolean).join(" · ");
  body.replaceChildren();
  (doc.sections || []).forEach((section) => {
    // a heading path starts with the document's own title ("Title > Rules"): shown once, as the title
    const path = (section.heading || "").split(" > ");
    if (path.length > 1 && path[0] === doc.title) path.shift();
    if (path.join("")) body.appendChild(el("h3", null, path.join(" > ")));
    section.text.split(/\n{2,}/).forEach((para) => body.appendChild(el("p", "doc-para", para)));
  });
  if (!(doc.sections || []).length) body.appendChild(el("p", "muted", "This document has no text."));
}
