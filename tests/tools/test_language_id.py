"""tools.language_id gives langdetect's very guesses (languages and probabilities, to the last bit)."""
from __future__ import annotations

import random

import pytest
from langdetect import DetectorFactory
from langdetect import detect_langs as langdetect_langs
from langdetect.lang_detect_exception import LangDetectException

from tools.language_id import detect_langs

TEXTS = [
    "how do i register a deal",
    "what is the deal registration protection period",
    "quais leads meus entram este mês",
    "wie lange dauert der sales foundations kurs",
    "quelles sont les règles d'enregistrement des affaires",
    "¿cuánto tiempo dura la protección del registro?",
    "パートナープログラムの特典は何ですか",
    "合作伙伴计划有哪些好处",
    "Dies ist ein kurzer Text über Daten, Partner und gemeinsame Kunden.",
    "do we get backend rebates on deals we source",
    "ok",
    "P-031 Q3 2027",
    "Nous vous proposons une démonstration de la plateforme lakehouse pour vos équipes de données. " * 5,
    "Mit der Lakehouse-Kampagne erreichen Sie Datenverantwortliche im Mittelstand https://example.com x@y.de",
]


def _guesses(fn, text: str):
    try:
        return [(g.lang, g.prob) for g in fn(text)]
    except LangDetectException as exc:
        return ("error", exc.code)


def _texts() -> list[str]:
    rng = random.Random(5)  # word salads over the texts above: many lengths and mixtures
    words = " ".join(TEXTS).split()
    return TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(150)]


@pytest.mark.parametrize("seed", [0, 7])
def test_same_guesses_as_langdetect(seed):
    DetectorFactory.seed = seed
    try:
        for text in _texts():
            assert _guesses(detect_langs, text) == _guesses(langdetect_langs, text), text
    finally:
        DetectorFactory.seed = 0


def test_no_features_raises_like_langdetect():
    DetectorFactory.seed = 0
    with pytest.raises(LangDetectException):
        detect_langs("1234 5678")


def test_the_probability_rows_grow_and_stay_langdetects_doubles():
    """The n-gram rows kept in one matrix (converted once per process) are langdetect's lists, bit for bit,
    across growth of the matrix and texts that share n-grams."""
    import numpy as np
    from langdetect import detector_factory

    from tools.language_id import _Rows

    detector_factory.init_factory()
    probabilities = detector_factory._factory.word_lang_prob_map
    words = sorted(probabilities)[:3000]
    rows = _Rows()
    for start, size in ((0, 10), (5, 1500), (1000, 2000), (0, 3000)):
        batch = words[start:start + size]
        table = rows.table(batch, probabilities)
        assert np.array_equal(table, np.array([probabilities[w] for w in batch], dtype=np.float64))
    assert len(rows.index) == 3000 and len(rows.matrix) >= 3000
