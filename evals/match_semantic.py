"""Does the partner directory's vector signal beat TF-IDF as the `semantic` feature of partner matching?

The partner-match backtest (`evals.partner_match`) run twice on the same generated demo: as shipped (TF-IDF
cosine of the deal's text and the partner's description), then with `semantic` replaced by the MiniLM
cosine the directory uses (the deal's text against the nearest sentence of the partner's description).
Everything else (training, time split, baselines) is the same code. Prints both reports' hit@1, hit@3 and
NDCG@5 for the trained model and the ranker the engine would choose. `python -m evals.match_semantic`.
"""
from __future__ import annotations

import json
import sys
from unittest import mock

import numpy as np

from evals import partner_match
from retrieval.directory import split_passages
from tools.partner_match import features as mf


class DenseSemantic:
    """`features._semantic` with vectors: per matrix, the description sentences embedded once; per deal
    text, one vector (cached)."""

    def __init__(self, embedder):
        self.embedder = embedder
        self._partners: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._texts: dict[str, np.ndarray] = {}

    def _partner_vectors(self, matrix: mf.PartnerMatrix) -> tuple[np.ndarray, np.ndarray]:
        key = id(matrix)
        if key not in self._partners:
            owners, texts = [], []
            for i, pid in enumerate(matrix.ids):
                for sentence in split_passages(matrix.without_names(matrix.descriptions.get(pid, "")) or ""):
                    owners.append(i)
                    texts.append(sentence)
            vectors = self.embedder.embed_texts(texts) if texts else np.zeros((0, 384), dtype=np.float32)
            self._partners[key] = (np.array(owners, dtype=np.int64), vectors)
        return self._partners[key]

    def __call__(self, matrix: mf.PartnerMatrix, deal: mf.DealRec) -> np.ndarray:
        owners, vectors = self._partner_vectors(matrix)
        out = np.zeros(len(matrix.ids))
        text = matrix.deal_text(deal)
        if not len(owners) or not text.strip():
            return out
        if text not in self._texts:
            self._texts[text] = self.embedder.embed_texts([text])[0]
        sims = vectors @ self._texts[text]
        np.maximum.at(out, owners, np.clip(sims, 0.0, None))
        return out


def _summary(report: dict) -> dict:
    r = report["results"]
    return {m: r[m] for m in ("model", "chosen", "most_wins")} | {"hit@3_margin": report["hit@3_margin"]}


def run() -> dict:
    from retrieval.embeddings import Embedder

    tfidf = partner_match.run()
    dense = DenseSemantic(Embedder())
    original = mf.PartnerMatrix._build_text

    def build_text(matrix, eco):  # keep the descriptions the vectors are made of
        original(matrix, eco)
        matrix.descriptions = {p.partner_id: p.description or "" for p in eco.partners}

    with mock.patch.object(mf, "_semantic", dense), mock.patch.object(mf.PartnerMatrix, "_build_text", build_text):
        vectors = partner_match.run()
    return {"tfidf": _summary(tfidf), "vectors": _summary(vectors)}


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
