"""BM25 over chunks (bm25s) with a tokeniser that works for English and Japanese.

Tokenisation: Unicode NFKC (full-width letters and digits become ASCII), case folding, punctuation
dropped, English stop words dropped and words stemmed (Snowball, via PyStemmer when installed).
Runs of Han / Hiragana / Katakana / Hangul characters have no spaces, so they become overlapping
character bigrams (the classic CJK analyser): with them the handbook's Japanese questions reach
recall@5 0.80; fugashi+unidic-lite (249 MB) was not measured yet.

Scores are computed for every chunk and then multiplied by the caller's mask (visibility and filters)
*before* the top k is taken, so a filtered-out chunk can never take a place in the result.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

K1 = 1.2
B = 0.75

_CJK_CHARS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"
_WORD = re.compile(f"[{_CJK_CHARS}]+|[^\\W_{_CJK_CHARS}]+")
_CJK = re.compile(f"[{_CJK_CHARS}]")
# bm25s' English list plus the question words that carry no topic ("how do I ...?").
STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with", "what", "which", "who", "whom", "how", "when", "where", "why", "do", "does", "did", "can", "could", "should", "would", "i", "we", "you", "my", "our", "your", "me", "us", "am", "been", "being", "have", "has", "had", "its"]
)


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import Stemmer  # PyStemmer: C Snowball stemmers

        return Stemmer.Stemmer("english").stemWord
    except ImportError:  # pragma: no cover - optional dependency
        return None


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    stem = _stemmer()
    return stem(word) if stem else word


_LETTER = re.compile(r"[^\W_]")


def fold_accents(text: str) -> str:
    """Latin letters without their accents ("cuántos días" -> "cuantos dias", "Düsseldorf" -> "Dusseldorf"):
    people type names and questions without them. Case is kept; other scripts are left alone (a Japanese
    voiced kana is not a base kana plus an accent to drop)."""
    if text.isascii():
        return text
    return "".join("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                   if ord(ch) < 0x250 else ch for ch in text)


def is_cjk(text: str) -> bool:
    """Mostly Chinese/Japanese/Korean text (MiniLM, an English model, says little about it)."""
    letters = len(_LETTER.findall(text))
    return bool(letters) and len(_CJK.findall(text)) * 3 >= letters


# Part of the lexical cache's fingerprint: change it with any change to `tokenize`, so stored BM25
# indexes built by the old tokeniser are rebuilt instead of being searched with new query tokens.
# (Measured and not kept: bigrams only inside kanji / katakana runs, hiragana dropped: Japanese recall@5
# on the blind sets up, but answer precision down on every set.)
TOKENIZER_VERSION = "tokenizer-2"


def _cjk_tokens(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def tokenize(text: str, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """Lower-cased, stemmed words; CJK runs as character bigrams."""
    tokens: list[str] = []
    for run in _WORD.findall(unicodedata.normalize("NFKC", text).casefold()):
        if _CJK.match(run):
            tokens.extend(_cjk_tokens(run))
        elif run not in stopwords:
            tokens.append(_stem(run) if run.isascii() else run)
    return tokens


# --- terms for scoring answer sentences (retrieval/extractive.py) -------------------------------
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])} | {"thirty": "30", "forty": "40", "fifty": "50",
                                                       "sixty": "60", "ninety": "90", "hundred": "100"}
_NUMBER_RE = re.compile(r"\b(%s)\b" % "|".join(_NUMBER_WORDS))
# "how long / how many ..." ask for a kind of answer (see extractive.answer_kind), not about a topic.
_HOW_WORDS = re.compile(r"\bhow (long|many|much|often|soon|quickly|fast|early|far|old|large|big|frequently|late)\b")
_QUESTION_FILLER = frozenset(["happen", "get", "mean", "need", "pleas", "tell", "know", "exist", "ani", "someon",
                              "anyon", "someth", "kind", "type", "way",
                              # chat fillers: "stuff we're not actually working", "kinda", "pls"
                              "actual", "realli", "stuff", "thing", "kinda", "gonna", "wanna", "just", "pls", "plz",
                              "guy"])
_CJK_QUESTION = re.compile("何|どの|どれ|どんな|いつ|いくら|誰|ですか|ますか")
_HIRAGANA = re.compile("^[\u3040-\u309f]+$")


# an amount written with thousands separators or a "k": one number, as the content or the question may write
# it the other way ("above 150k" / "above USD 150,000")
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?![\d]|[.,]\d)")
_KILO = re.compile(r"(?<![\d.,])(\d{1,3})\s?k\b")


def answer_terms(text: str, question: bool = False) -> list[str]:
    """`tokenize` tuned for matching a question against candidate answer sentences: number words as
    digits ("ten days" matches "10 days"), CJK bigrams made only of hiragana (particles, verb endings)
    dropped, and for a question its question words ("how long", "何", "ですか") and filler verbs
    dropped, so only what the question is about is matched."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if question:
        text = _CJK_QUESTION.sub(" ", _HOW_WORDS.sub("how", text))
    text = _NUMBER_RE.sub(lambda m: _NUMBER_WORDS[m.group(1)], text)
    text = _THOUSANDS.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)  # "150,000", "150 000" -> "150000"
    text = _KILO.sub(lambda m: m.group(1) + "000", text)  # "150k" -> "150000"
    terms = [t for t in tokenize(text) if not _HIRAGANA.match(t)]
    return [t for t in terms if t not in _QUESTION_FILLER] if question else terms


class LexicalIndex:
    """bm25s over a fixed list of tokenised chunks, with an absolute 0..1 score for each hit.

    The score of a chunk divided by the query's best possible score (every query term present,
    saturated) says what share of the query's weight the chunk matches: comparable across queries.
    """

    def __init__(self, bm25, idf: dict[str, float], size: int):
        self._bm25 = bm25
        self._idf = idf
        self.size = size

    @classmethod
    def build(cls, corpus_tokens: Sequence[list[str]], k1: float = K1, b: float = B) -> LexicalIndex:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import

        bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
        # bm25s needs at least one token per chunk and one chunk.
        bm25.index([list(t) or [""] for t in corpus_tokens] or [[""]], show_progress=False)
        df: Counter[str] = Counter()
        for tokens in corpus_tokens:
            df.update(set(tokens))
        n = max(1, len(corpus_tokens))
        idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        return cls(bm25, idf, len(corpus_tokens))

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)
        (folder / "idf.json").write_text(json.dumps({"size": self.size, "idf": self._idf}, ensure_ascii=False))

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import

        meta = json.loads((folder / "idf.json").read_text())
        bm25 = bm25s.BM25.load(str(folder), mmap=False, show_progress=False, verbosity=0)
        return cls(bm25, meta["idf"], int(meta["size"]))

    def idf(self, token: str) -> float:
        """The token's IDF; a token no chunk contains weighs as one that a single chunk contains."""
        known = self._idf.get(token)
        return known if known is not None else math.log(1 + (self.size + 0.5) / 0.5)

    def knows(self, token: str) -> bool:
        return token in self._idf

    def max_score(self, query_tokens: Iterable[str]) -> float:
        return sum(self._idf.get(t, 0.0) for t in query_tokens)

    def scores(self, query_tokens: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 of every chunk (zeros where the mask is False)."""
        known = [t for t in query_tokens if t in self._idf]
        if not known or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        scores = np.asarray(self._bm25.get_scores(known), dtype=np.float32)[: self.size]
        if mask is not None:
            scores = np.where(mask, scores, 0.0).astype(np.float32)
        return scores

    def normalised_scores(self, query_tokens: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        """Every chunk's share (0..1) of the query's best possible BM25 score."""
        best = self.max_score(query_tokens) or 1.0
        return np.minimum(self.scores(query_tokens, mask) / best, 1.0)


def load_or_build(cache_dir: Path | None, fingerprint_parts: Sequence[str],
                  build_tokens: Callable[[], list[list[str]]]) -> LexicalIndex:
    """The BM25 index for exactly these chunk versions: from the cache when it has them, else built
    (tokenising is the slow part) and cached. Only the newest entry is kept."""
    digest = hashlib.sha1("\x1e".join(fingerprint_parts).encode()).hexdigest()[:24]
    folder = Path(cache_dir) / digest if cache_dir else None
    if folder is not None and (folder / "idf.json").exists():
        try:
            return LexicalIndex.load(folder)
        except Exception:  # a damaged cache is rebuilt
            log.warning("lexical cache %s unreadable; rebuilding", folder, exc_info=True)
    index = LexicalIndex.build(build_tokens())
    if folder is not None:
        try:
            _store(index, Path(cache_dir), digest)
        except OSError:  # the cache is an optimisation only
            log.warning("could not write the lexical cache in %s", cache_dir, exc_info=True)
    return index


def _store(index: LexicalIndex, cache_dir: Path, digest: str) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".tmp-"))
    index.save(tmp)
    try:
        os.replace(tmp, cache_dir / digest)
    except OSError:  # another process stored it first
        shutil.rmtree(tmp, ignore_errors=True)
    for old in cache_dir.iterdir():
        if old.name != digest and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)


def top_k(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Positions and values of the k largest positive scores, best first."""
    if k <= 0 or scores.size == 0:
        return []
    positive = np.flatnonzero(scores > 0)  # BM25 is sparse: partition the few matching chunks, not all
    if positive.size == 0:
        return []
    k = min(k, positive.size)
    values = scores[positive]
    idx = np.argpartition(-values, k - 1)[:k]
    idx = idx[np.lexsort((positive[idx], -values[idx]))]  # best first, ties by position
    return [(int(positive[i]), float(values[i])) for i in idx]
