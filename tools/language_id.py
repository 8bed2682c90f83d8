"""langdetect's answers, several times faster (issue 22: ~10 ms of CPU per new question was its inner loop).

langdetect (1.0.9) guesses a language by drawing n-grams of the text at random and multiplying 55
per-language probabilities by each drawn n-gram's, one Python float at a time (~700 draws per question).
`detect_langs` here runs the same algorithm with the same random draws (the same seed, the same calls to
the same generator) and the same floating-point operations in the same order, on numpy vectors: the 55
products of a draw are one vector multiply, and the per-language sums stay sequential sums in the same order,
so every probability is the same double as langdetect's (checked in tests/tools/test_language_id.py against
langdetect itself). Only `_detect_block` is replaced; text cleaning, n-gram extraction, the profiles and
the sorting of the guesses are langdetect's own.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _detector_class():
    from langdetect.detector import Detector  # imported lazily: the profiles load on first use
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    class FastDetector(Detector):
        def _detect_block(self) -> None:
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            distinct = list(dict.fromkeys(ngrams))
            row = {w: i for i, w in enumerate(distinct)}
            table = np.array([self.word_lang_prob_map[w] for w in distinct], dtype=np.float64)
            drawn = [row[w] for w in ngrams]  # the draw picks a position in `ngrams`; its n-gram's row
            size = len(ngrams)
            bits = size.bit_length()
            getrandbits = self.random.getrandbits
            langs = len(self.langlist)
            langprob = np.zeros(langs)
            self.random.seed(self.seed)
            for _ in range(self.n_trial):
                prob = np.full(langs, 1.0 / langs) if self.prior_map is None else np.array(self.prior_map)
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                factors = alpha / self.BASE_FREQ + table  # weight + p(word | lang), as langdetect adds them
                i = 0
                while True:
                    r = getrandbits(bits)  # random.choice(ngrams), as CPython 3.11 draws it
                    while r >= size:
                        r = getrandbits(bits)
                    prob *= factors[drawn[r]]
                    if i % 5 == 0:
                        total = sum(prob.tolist())  # Python's sequential float sum, as langdetect's
                        prob /= total
                        if prob.max() > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                            break
                    i += 1
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
