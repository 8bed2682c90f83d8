"""The checks every campaign draft is returned with (and that an LLM rewrite must pass again).

Each check is a pure function returning `Check(name, passed, detail)`; the detail says what is wrong
in words a marketer can act on. `run_checks` applies the ones that fit the channel.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pydantic import BaseModel

from tools.content_drafts.contrast import AA_TEXT, contrast_ratio
from tools.content_drafts.partner_names import OtherPartners
from tools.content_drafts.reflow import broken_lines, ends_sentence
from tools.locales import LocaleResolution, detect_languages, langdetect_code, language_name

SUBJECT_MAX = 90
SOCIAL_MAX = 600
SOCIAL_HARD_MAX = 3000
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")

_URL = re.compile(r"(?:https?://|www\.)\S+|mailto:\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# langdetect 1.0.9's profiles; other languages cannot be checked offline.
_DETECTABLE = {
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "gu",
    "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ne", "nl", "no",
    "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk",
    "ur", "vi", "zh-cn", "zh-tw"
}

# A landing page is a whole document (tools.content_drafts.landing); nothing else may appear in it.
_SAFE_TAGS = {"html", "head", "title", "meta", "body", "header", "main", "footer", "section", "div", "h1", "h2",
              "h3", "p", "em", "strong", "small", "blockquote", "a", "br", "span", "ul", "li", "form", "label",
              "input", "button"}
_BLOCK_TAGS = {"section", "div", "h1", "h2", "h3", "p", "blockquote", "li", "ul", "header", "main", "footer",
               "form"}
_SAFE_ATTRS = {"style", "class", "lang", "href", "rel", "charset", "name", "content", "action", "method", "type",
               "id", "for", "required", "autocomplete", "value", "aria-labelledby"}
_META_NAMES = {"viewport", "description"}
_INPUT_TYPES = {"hidden", "text", "email", "tel"}
_VOID = {"meta", "input", "br"}
_STYLE_DECL = re.compile(r"^\s*[a-z-]+\s*:\s*[#\w\s.%,-]+$")
_STYLE_BAD = re.compile(r"url|expression|javascript|@import", re.IGNORECASE)
_HEX_ANY = re.compile(r"#[0-9A-Za-z]+")
_HEX_OK = re.compile(r"^#[0-9A-Fa-f]{6}$")
_HTTP_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


class Check(BaseModel):
    name: str
    passed: bool
    detail: str = ""


@dataclass
class CheckSubject:
    """What the checks look at: the draft's text and what it must (not) contain."""

    channel: str
    subject: str | None
    body: str
    html: str | None
    locale: str  # the language the text must be in
    disclaimer: str | None  # must appear, when the locale has one
    partner_brand: str
    vendor_name: str
    own_terms: list[str] = field(default_factory=list)  # our names (masked before looking for others)
    other_partners: OtherPartners | list[str] = field(default_factory=list)
    neutral_terms: list[str] = field(default_factory=list)  # brands, products: ignored by the language check
    proof_points: list[str] = field(default_factory=list)  # as woven in: each must end a sentence
    tagline: str | None = None  # the tagline used (in the draft's language), if any
    foreign_taglines: list[str] = field(default_factory=list)  # the partner's taglines in other languages

    def visible_text(self) -> str:
        parts = [self.subject or "", self.body]
        if self.html:
            parts.append(html_to_text(self.html))
        return "\n\n".join(p for p in parts if p)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def check_locale(resolution: LocaleResolution, translated: bool = False) -> Check:
    """Informational when the language matches; failed when the draft is not in the requested language."""
    if translated:
        return Check(name="locale_resolved", passed=True,
                     detail=f"{resolution.requested} not in kit; translated from {resolution.resolved}")
    if resolution.kind == "exact":
        return Check(name="locale_resolved", passed=True, detail="")
    return Check(name="locale_resolved", passed=resolution.same_language, detail=resolution.detail)


def check_disclaimer(text: str, disclaimer: str | None) -> Check:
    if not disclaimer or not disclaimer.strip():
        return Check(name="disclaimer_present", passed=True, detail="this locale has no disclaimer")
    if _squash(disclaimer) in _squash(text):
        return Check(name="disclaimer_present", passed=True)
    return Check(name="disclaimer_present", passed=False,
                 detail=f"the disclaimer is missing or altered: '{disclaimer.strip()[:120]}'")


def check_both_brands(text: str, partner_brand: str, vendor_name: str) -> Check:
    folded = text.casefold()
    missing = [n for n in (partner_brand, vendor_name) if n and n.casefold() not in folded]
    if missing:
        return Check(name="both_brands_named", passed=False, detail="not named: " + ", ".join(missing))
    return Check(name="both_brands_named", passed=True)


def check_placeholders(text: str) -> Check:
    leftovers = sorted(set(PLACEHOLDER.findall(text)))
    if leftovers:
        return Check(name="no_leftover_placeholder", passed=False,
                     detail="unfilled: " + ", ".join(leftovers))
    return Check(name="no_leftover_placeholder", passed=True)


def check_other_partners(text: str, other_partners: OtherPartners | Iterable[str],
                         own_terms: Iterable[str]) -> Check:
    """Fails when the text names another partner (tools.content_drafts.partner_names has the rules). Pass an
    `OtherPartners` built once per name set: a plain list is indexed on every call."""
    own_terms = [t for t in own_terms if t]
    masked = text
    for term in sorted(set(own_terms), key=len, reverse=True):
        masked = re.sub(re.escape(term), " ", masked, flags=re.IGNORECASE)
    others = other_partners if isinstance(other_partners, OtherPartners) else OtherPartners.of(other_partners)
    found = others.mentioned(masked, own_terms)
    if found:
        return Check(name="no_other_partner_named", passed=False,
                     detail="names another partner: " + ", ".join(found))
    return Check(name="no_other_partner_named", passed=True)


def check_subject_length(subject: str | None) -> Check:
    length = len(subject or "")
    if not subject or not subject.strip():
        return Check(name="subject_length", passed=False, detail="the email has no subject")
    if length > SUBJECT_MAX:
        return Check(name="subject_length", passed=False,
                     detail=f"subject is {length} characters (max {SUBJECT_MAX})")
    return Check(name="subject_length", passed=True, detail=f"{length} characters")


def check_social_length(body: str, disclaimer: str | None = None) -> Check:
    """The copy at most SOCIAL_MAX characters; the mandatory disclaimer is not the marketer's to shorten,
    so it counts only towards the networks' own limit (SOCIAL_HARD_MAX, LinkedIn's)."""
    fixed = len(disclaimer.strip()) + 2 if disclaimer and disclaimer.strip() in body else 0
    copy = len(body) - fixed
    if len(body) > SOCIAL_HARD_MAX:
        return Check(name="social_length", passed=False,
                     detail=f"post is {len(body)} characters with the disclaimer (max {SOCIAL_HARD_MAX})")
    if copy > SOCIAL_MAX:
        extra = " without the disclaimer" if fixed else ""
        return Check(name="social_length", passed=False,
                     detail=f"post is {copy} characters{extra} (max {SOCIAL_MAX})")
    return Check(name="social_length", passed=True,
                 detail=f"{copy} characters" + (f" + {fixed} of disclaimer" if fixed else ""))


def _strip_for_detection(text: str, neutral_terms: Iterable[str]) -> str:
    text = PLACEHOLDER.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _DOMAIN.sub(" ", text)
    for term in sorted({t for t in neutral_terms if t and t.strip()}, key=len, reverse=True):
        text = re.sub(re.escape(term), " ", text, flags=re.IGNORECASE)
    text = re.sub(r"[\d_]+", " ", text)
    return " ".join(text.split())


def _script_check(text: str, expected: str) -> Check | None:
    """ja/zh/ko by script: more reliable than n-gram statistics on short marketing copy."""
    kana, han, hangul = bool(_KANA.search(text)), bool(_HAN.search(text)), bool(_HANGUL.search(text))
    if expected == "ja":
        ok, what = kana, "no kana (hiragana/katakana) found"
    elif expected.startswith("zh"):
        ok, what = han and not kana, "no Chinese characters found" if not han else "contains Japanese kana"
    elif expected == "ko":
        ok, what = hangul, "no Hangul found"
    else:
        return None
    return Check(name="language", passed=ok, detail="" if ok else f"expected {expected}: {what}")


def check_language(text: str, locale: str, neutral_terms: Iterable[str] = ()) -> Check:
    expected = langdetect_code(locale)
    cleaned = _strip_for_detection(text, neutral_terms)
    by_script = _script_check(cleaned, expected)
    if by_script is not None:
        return by_script
    if expected not in _DETECTABLE:
        return Check(name="language", passed=True,
                     detail=f"{language_name(locale)} cannot be checked offline")
    letters = sum(ch.isalpha() for ch in cleaned)
    if letters < 12:
        return Check(name="language", passed=True, detail="too little text to check")
    guesses = detect_languages(cleaned)
    if guesses is None:
        return Check(name="language", passed=True, detail="no language features to check")
    top = guesses[0]
    p_expected = sum(g.prob for g in guesses if g.lang.split("-")[0] == expected.split("-")[0])
    short = len(cleaned.split()) < 12
    if top.lang.split("-")[0] == expected.split("-")[0] or p_expected >= 0.2 or (short and top.prob < 0.9):
        return Check(name="language", passed=True, detail="" if not short else "short text; checked loosely")
    return Check(name="language", passed=False,
                 detail=f"text looks like {top.lang} ({top.prob:.2f}), expected {expected}")


class _HtmlAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag not in _SAFE_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed")
        for name, value in attrs:
            value = value or ""
            if name not in _SAFE_ATTRS:
                self.problems.append(f"attribute {name} on <{tag}> is not allowed")
            elif name == "href" and not re.match(r"^(https?://|mailto:)[^\s\"'<>]+$", value, re.IGNORECASE):
                self.problems.append(f"link {value[:60]!r} is not http(s) or mailto")
            elif name == "action" and not _HTTP_URL.match(value):
                self.problems.append(f"form action {value[:60]!r} is not an http(s) URL")
            elif name == "name" and tag == "meta" and value not in _META_NAMES:
                self.problems.append(f"<meta name={value[:30]!r}> is not allowed")
            elif name == "type" and tag == "input" and value not in _INPUT_TYPES:
                self.problems.append(f"<input type={value[:30]!r}> is not allowed")
            elif name == "style":
                self.problems.extend(_style_problems(value))

        if tag == "br":
            self.text.append("\n")
        if tag in ("head", "title"):
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.text.append("\n\n")
        if tag in ("head", "title"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data):
        if not self.hidden:  # the head (title, meta) is not part of the page a reader sees
            self.text.append(data)

    def handle_comment(self, data):
        self.problems.append("HTML comments are not allowed")

    def handle_decl(self, decl):
        if decl.strip().lower() != "doctype html":
            self.problems.append("declarations other than <!DOCTYPE html> are not allowed")

    def handle_pi(self, data):
        self.problems.append("processing instructions are not allowed")


def _style_problems(style: str) -> list[str]:
    problems = []
    for decl in filter(None, (d.strip() for d in style.split(";"))):
        if not _STYLE_DECL.match(decl) or _STYLE_BAD.search(decl):
            problems.append(f"style {decl[:60]!r} is not allowed")
        problems += [f"colour {c} is not #RRGGBB" for c in _HEX_ANY.findall(decl) if not _HEX_OK.match(c)]
    return problems


def html_to_text(html: str) -> str:
    """The text a reader sees, paragraphs separated by a blank line."""
    audit = _HtmlAudit()
    audit.feed(html)
    audit.close()
    lines = (" ".join(line.split()) for line in "".join(audit.text).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def check_html_safe(html: str | None) -> Check:
    if html is None:
        return Check(name="html_safe", passed=False, detail="no HTML was produced")
    audit = _HtmlAudit()
    audit.feed(html)
    audit.close()
    problems = list(audit.problems)
    if re.search(r"<\s*script", html, re.IGNORECASE):  # escaped text cannot contain "<"
        problems.append("a script element in the markup")
    if problems:
        return Check(name="html_safe", passed=False, detail="; ".join(dict.fromkeys(problems)))
    return Check(name="html_safe", passed=True)


class _Outline(HTMLParser):
    """The structure of a landing page, for the completeness, contrast and form checks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = False
        self.lang = ""
        self.tags: dict[str, int] = {}
        self.title = ""
        self.meta: dict[str, str] = {}
        self.lists: dict[str, int] = {}  # ul class -> items
        self.forms: list[dict] = []
        self.labels: set[str] = set()
        self.inputs: list[dict] = []
        self.colors: list[tuple[str, str, str]] = []  # (tag, colour, background) of every text colour
        self.links: list[str] = []
        self._stack: list[tuple[str, str]] = []  # (tag, background)
        self._ul = ""
        self._in_title = False

    def handle_decl(self, decl):
        self.doctype |= decl.strip().lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags[tag] = self.tags.get(tag, 0) + 1
        style = _style_map(a.get("style", ""))
        background = style.get("background") or style.get("background-color") or (
            self._stack[-1][1] if self._stack else "#FFFFFF")
        if "color" in style:
            self.colors.append((tag, style["color"], background))
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta":
            if "charset" in a:
                self.meta["charset"] = a["charset"]
            if a.get("name"):
                self.meta[a["name"]] = a.get("content", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "ul":
            self._ul = a.get("class", "")
        elif tag == "li":
            self.lists[self._ul] = self.lists.get(self._ul, 0) + 1
        elif tag == "form":
            self.forms.append({"method": a.get("method", "get").lower(), "action": a.get("action", ""),
                               "submit": False})
        elif tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        elif tag == "input":
            self.inputs.append(a)
        elif tag == "button" and self.forms and a.get("type", "submit") == "submit":
            self.forms[-1]["submit"] = True
        elif tag == "a":
            self.links.append(a.get("href", ""))
        if tag not in _VOID:
            self._stack.append((tag, _hex_or(background)))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _style_map(style: str) -> dict[str, str]:
    out = {}
    for decl in style.split(";"):
        if ":" in decl:
            key, value = decl.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def _hex_or(value: str, default: str = "#FFFFFF") -> str:
    found = _HEX_ANY.search(value or "")
    return found.group(0) if found and _HEX_OK.match(found.group(0)) else default


def _outline(html: str) -> _Outline:
    outline = _Outline()
    outline.feed(html)
    outline.close()
    return outline


def check_landing_complete(html: str | None) -> Check:
    """A publishable page: doctype, html lang, title, charset, viewport, description, one h1, key messages,
    proof points, a form, every visible field labelled."""
    if not html:
        return Check(name="landing_complete", passed=False, detail="no HTML was produced")
    o = _outline(html)
    missing = [what for what, ok in (
        ("<!DOCTYPE html>", o.doctype), ("<html lang>", bool(o.lang)), ("<head>", o.tags.get("head")),
        ("<title>", bool(o.title.strip())), ("<meta charset>", o.meta.get("charset", "").lower() == "utf-8"),
        ("<meta name=viewport>", "width=device-width" in o.meta.get("viewport", "")),
        ("<meta name=description>", bool(o.meta.get("description", "").strip())),
        ("one <h1>", o.tags.get("h1") == 1),
        ("key messages", o.lists.get("cosell-key-messages", 0) > 0),
        ("proof points", o.lists.get("cosell-proof-points", 0) > 0),
        ("a lead form", bool(o.forms)),
    ) if not ok]
    unlabelled = [i.get("name") or "?" for i in o.inputs
                  if i.get("type") != "hidden" and i.get("id", "") not in o.labels]
    if unlabelled:
        missing.append("a label for " + ", ".join(unlabelled))
    if missing:
        hint = (" (add key_messages / proof_points for this language: in the locale block or under "
                "`localized`)" if {"key messages", "proof points"} & set(missing) else "")
        return Check(name="landing_complete", passed=False, detail="missing: " + ", ".join(missing) + hint)
    return Check(name="landing_complete", passed=True,
                 detail=f"{o.lists['cosell-key-messages']} key messages, {o.lists['cosell-proof-points']} "
                        "proof points, lead form")


def check_contrast(html: str | None) -> Check:
    """Every text colour on the page against its background: at least WCAG AA (4.5:1)."""
    if not html:
        return Check(name="contrast_aa", passed=False, detail="no HTML was produced")
    o = _outline(html)
    low, lowest = [], None
    for tag, color, background in o.colors:
        fg, bg = _hex_or(color, ""), _hex_or(background)
        if not fg:
            low.append(f"<{tag}> colour {color!r} cannot be checked")
            continue
        ratio = contrast_ratio(fg, bg)
        lowest = ratio if lowest is None else min(lowest, ratio)
        if ratio < AA_TEXT:
            low.append(f"<{tag}> {fg} on {bg} is {ratio:.1f}:1")
    if low:
        return Check(name="contrast_aa", passed=False, detail="below 4.5:1: " + "; ".join(low))
    return Check(name="contrast_aa", passed=True,
                 detail=f"lowest text contrast {lowest:.1f}:1" if lowest else "no coloured text")


def check_lead_form(html: str | None) -> Check:
    """The page collects leads with a form that POSTs to an http(s) URL (no mailto link instead)."""
    if not html:
        return Check(name="lead_form", passed=False, detail="no HTML was produced")
    o = _outline(html)
    problems = []
    if not o.forms:
        problems.append("no form")
    for form in o.forms:
        if form["method"] != "post":
            problems.append("the form does not POST")
        if not _HTTP_URL.match(form["action"]):
            problems.append("the form posts nowhere: set lead_form_url in the kit or vendor.yaml, or "
                            "COSELL_LEAD_FORM_URL")
        if not form["submit"]:
            problems.append("the form has no submit button")
    if not any(i.get("type") == "email" for i in o.inputs):
        problems.append("the form asks for no email")
    if any(link.lower().startswith("mailto:") for link in o.links):
        problems.append("a mailto: link instead of the form")
    if problems:
        return Check(name="lead_form", passed=False, detail="; ".join(dict.fromkeys(problems)))
    return Check(name="lead_form", passed=True, detail=f"posts to {o.forms[0]['action']}")


def check_reflowed(text: str, proof_points: Iterable[str] = ()) -> Check:
    """No line break inside a sentence (tools.content_drafts.reflow), and every proof point the text
    carries ends a sentence (no orphan line without a full stop)."""
    broken = broken_lines(text)
    problems = [f"line break inside a sentence after '{line.strip()[-40:]}'" for line in broken[:3]]
    squashed = " ".join(text.split())
    for point in proof_points:
        point = " ".join(point.split()).rstrip(".\u3002")
        at = squashed.find(point) if point else -1
        if at >= 0 and not ends_sentence(squashed[:at + len(point) + 1]):
            problems.append(f"proof point without a full stop: '{point[:60]}'")
    if problems:
        return Check(name="reflowed", passed=False, detail="; ".join(problems))
    return Check(name="reflowed", passed=True)


def check_tagline(text: str, used: str | None, foreign: Iterable[str], locale: str) -> Check:
    """The partner's tagline only in its own language: a tagline for another language must not appear."""
    mixed = [t for t in foreign if t and t != used and _squash(t) in _squash(text)]
    if mixed:
        return Check(name="tagline_locale", passed=False,
                     detail="a tagline in another language: " + ", ".join(f"'{t}'" for t in mixed))
    if used:
        return Check(name="tagline_locale", passed=True, detail=f"tagline for {language_name(locale)}")
    if any(foreign):
        return Check(name="tagline_locale", passed=True,
                     detail=f"left out: the partner has no tagline in {language_name(locale)} "
                            f"(partners.csv column {' or '.join(dict.fromkeys(f'tagline_{t}' for t in (locale, locale.split('-')[0])))})")
    return Check(name="tagline_locale", passed=True, detail="the partner has no tagline")


def check_glossary(source: str, output: str, glossary: Iterable[str]) -> Check:
    """Every glossary term the source used must come back unchanged (product names, brands...)."""
    missing = [t for t in glossary if t and t.casefold() in source.casefold() and t not in output]
    if missing:
        return Check(name="glossary_kept", passed=False, detail="changed or dropped: " + ", ".join(missing))
    return Check(name="glossary_kept", passed=True)


def run_checks(s: CheckSubject) -> list[Check]:
    """The content checks for one draft, in a stable order (locale_resolved is added by the caller)."""
    text = s.visible_text()
    checks = [
        check_disclaimer(text, s.disclaimer),
        check_both_brands(text, s.partner_brand, s.vendor_name),
        check_placeholders(text if not s.html else text + s.html),
        check_other_partners(text, s.other_partners, s.own_terms + [s.partner_brand, s.vendor_name]),
    ]
    if s.channel == "email":
        checks.append(check_subject_length(s.subject))
    if s.channel == "social":
        checks.append(check_social_length(s.body, s.disclaimer))
    checks.append(check_language("\n".join(filter(None, [s.subject, s.body])), s.locale, s.neutral_terms))
    checks.append(check_reflowed(text, s.proof_points))
    checks.append(check_tagline(text + "\n" + (s.html or ""), s.tagline, s.foreign_taglines, s.locale))
    if s.channel == "landing":
        checks += [check_html_safe(s.html), check_landing_complete(s.html), check_contrast(s.html),
                   check_lead_form(s.html)]
    return checks
