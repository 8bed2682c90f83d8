"""langdetect's answers, several times faster (issue 22: ~10 ms of CPU per new question was its inner loop).

langdetect (1.0.9) guesses a language by drawing n-grams of the text at random and multiplying 55
per-language probabilities by each drawn n-gram's, one Python float at a time (~700 draws per question).
`detect_langs` here runs the same algorithm with the same random draws (the same seed, the same calls to
the same generator) and the same floating-point operations in the same order, on numpy vectors: the 55
products of a draw are one vector multiply, and the per-language sums stay sequential sums in the same order,
so every probability is the same double as langdetect's (checked in tests/tools/test_language_id.py against
langdetect itself). `_detect_block` and `_extract_ngrams` are replaced (the latter with each character's
normalisation looked up once per process); text cleaning, the profiles and the sorting of the guesses are
langdetect's own. Issue 22, stop 36: the n-grams' rows kept in one matrix, the draws between two checks
in one loop, rows indexed from a list: 0.99 -> 0.66 ms per detection (the same answers).
"""
from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np


class _Rows:
    """Each n-gram's 55 probabilities as a row of one growing float64 matrix, converted from langdetect's
    Python lists once per process (the same doubles): a text's table is then one fancy index, where
    converting a draft's few hundred n-grams from lists cost ~2 ms per detection (issue 22)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.matrix = np.empty((0, 0))
        self.lock = threading.Lock()

    def table(self, distinct: list[str], word_lang_prob_map: dict[str, list[float]]) -> np.ndarray:
        new = [w for w in distinct if w not in self.index]
        if new:
            with self.lock:
                new = [w for w in dict.fromkeys(new) if w not in self.index]
                if new:
                    rows = np.array([word_lang_prob_map[w] for w in new], dtype=np.float64)
                    used = len(self.index)
                    if used + len(new) > len(self.matrix):  # room for twice as many: amortised growth
                        grown = np.empty((max(1024, 2 * (used + len(new))), rows.shape[1]))
                        if used:
                            grown[:used] = self.matrix[:used]
                        self.matrix = grown
                    self.matrix[used:used + len(new)] = rows
                    for i, w in enumerate(new):
                        self.index[w] = used + i
        index = self.index
        return self.matrix[[index[w] for w in distinct]]


_ROWS = _Rows()
_NORMALISED: dict[str, str] = {}  # character -> langdetect's NGram.normalize of it (a pure function)


@lru_cache(maxsize=1)
def _detector_class():
    from langdetect.detector import Detector  # imported lazily: the profiles load on first use
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.ngram import NGram

    class FastDetector(Detector):
        def _extract_ngrams(self) -> list[str]:
            """langdetect's `_extract_ngrams` (NGram.add_char's buffer and capital-word rule, inlined), with
            each character's normalisation looked up once per process."""
            normalised, known = _NORMALISED, self.word_lang_prob_map
            result: list[str] = []
            grams, capital = " ", False
            for ch in self.text:
                c = normalised.get(ch)
                if c is None:
                    c = normalised[ch] = NGram.normalize(ch)
                last = grams[-1]
                if last == " ":
                    grams, capital = " ", False
                    if c == " ":
                        continue  # a space after a space: the buffer holds " ", no n-gram
                elif len(grams) >= NGram.N_GRAM:
                    grams = grams[1:]
                grams += c
                if c.isupper():
                    if last.isupper():
                        capital = True
                else:
                    capital = False
                if capital:
                    continue
                for n in (1, 2, 3):
                    if len(grams) < n:
                        break
                    w = grams[-n:]
                    if w and w != " " and w in known:
                        result.append(w)
            return result

        def _detect_block(self) -> None:
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            distinct = list(dict.fromkeys(ngrams))
            row = {w: i for i, w in enumerate(distinct)}
            table = _ROWS.table(distinct, self.word_lang_prob_map)
            drawn = [row[w] for w in ngrams]  # the draw picks a position in `ngrams`; its n-gram's row
            size = len(ngrams)
            bits = size.bit_length()
            getrandbits = self.random.getrandbits
            accumulate, maximum = np.add.accumulate, np.maximum.reduce  # ndarray.max: a Python wrapper
            langs = len(self.langlist)
            langprob = np.zeros(langs)
            self.random.seed(self.seed)
            for _ in range(self.n_trial):
                prob = np.full(langs, 1.0 / langs) if self.prior_map is None else np.array(self.prior_map)
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                # weight + p(word | lang), as langdetect adds them; rows as a list: indexing a list of row
                # arrays costs a quarter of making a row view of the matrix, once per draw
                factors = list(alpha / self.BASE_FREQ + table)
                i, step = 0, 1  # the first check follows the first draw, then one every 5 draws
                while True:
                    for _ in range(step):  # these draws all happen before the next check
                        r = getrandbits(bits)  # random.choice(ngrams), as CPython 3.11 draws it
                        while r >= size:
                            r = getrandbits(bits)
                        prob *= factors[drawn[r]]
                    i += step - 1
                    total = accumulate(prob)[-1]  # a sequential float sum, as langdetect's sum()
                    prob /= total
                    if maximum(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                    i += 1
                    step = 5
                langprob += prob / self.n_trial
            self.langprob = langprob.tolist()

    return FastDetector


def detect_langs(text: str) -> list:
    """langdetect.detect_langs(text): its `Language` guesses (lang, prob) above 0.1, best first. Raises
    langdetect's LangDetectException when the text has no language features."""
    from langdetect import detector_factory

    detector_factory.init_factory()
    detector = _detector_class()(detector_factory._factory)
    detector.append(text)
    return detector.get_probabilities()
