// The document view (/docs/view?doc_id=...): the page holds no data; it asks /v1/documents with the key of
// this tab (sessionStorage), so the server decides, as everywhere, whether this reader may see it.
"use strict";

const docId = new URLSearchParams(location.search).get("doc_id") || "";

async function load() {
  if (!docId) { $("status").textContent = "No document named: the address needs ?doc_id=…"; return; }
  if (!apiKey()) {
    $("key-form").hidden = false;
    $("status").textContent = "Enter your API key to read this document.";
    return;
  }
  $("status").textContent = "Loading…";
  try {
    const doc = await api(`/v1/documents/${encodeURIComponent(docId)}`);
    renderDocument(doc, $("doc-title"), $("doc-meta"), $("doc-body"));
    document.title = `${doc.title} · Co-sell Copilot`;
    $("key-form").hidden = true;
    $("status").textContent = "";
  } catch (err) {
    $("doc-title").textContent = "Document not available";
    $("status").textContent = err.message;
    if (err.status === 401) { sessionStorage.removeItem(KEY); $("key-form").hidden = false; }
  }
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  $("api-key").value = "";
  if (key) { sessionStorage.setItem(KEY, key); load(); }
});

load();
