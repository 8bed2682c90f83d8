"""A co-branded landing page a marketer can publish: a complete, accessible HTML document.

`<!DOCTYPE html>`, `<html lang>`, a head with charset, viewport, title and description, one `h1`, the
kit's key messages and proof points as lists, a lead form (labelled fields, POST to the configured URL:
`lead_form_url` in the kit's locale block, the kit or vendor.yaml, else the `COSELL_LEAD_FORM_URL`
setting; never `mailto:`) and the disclaimer. Every value is escaped; styles are inline (no `<style>`, no script). The
brand colour is used for text only where it reaches WCAG AA (4.5:1) on its background
(tools.content_drafts.contrast), otherwise darkened; unchanged, it draws the top border and the accents.
The words the page itself adds (section headings, field labels) are per language below; a kit's locale
block may set its own as `landing_labels` (same keys).
"""
from __future__ import annotations

import html as htmlmod
from dataclasses import dataclass, field

from tools.content_drafts.contrast import WHITE, ink_on, readable_on

LABEL_KEYS = ("key_messages", "proof_points", "name", "email", "company")
LANDING_LABELS: dict[str, dict[str, str]] = {
    "en": {"key_messages": "Why it matters", "proof_points": "Customer results", "name": "Name",
           "email": "Work email", "company": "Company"},
    "de": {"key_messages": "Worauf es ankommt", "proof_points": "Kundenergebnisse", "name": "Name",
           "email": "Geschäftliche E-Mail", "company": "Unternehmen"},
    "fr": {"key_messages": "L'essentiel", "proof_points": "Résultats clients", "name": "Nom",
           "email": "E-mail professionnel", "company": "Entreprise"},
    "es": {"key_messages": "Lo esencial", "proof_points": "Resultados de clientes", "name": "Nombre",
           "email": "Correo electrónico de trabajo", "company": "Empresa"},
    "pt": {"key_messages": "O essencial", "proof_points": "Resultados de clientes", "name": "Nome",
           "email": "E-mail corporativo", "company": "Empresa"},
    "it": {"key_messages": "L'essenziale", "proof_points": "Risultati dei clienti", "name": "Nome",
           "email": "E-mail aziendale", "company": "Azienda"},
    "nl": {"key_messages": "Waar het om gaat", "proof_points": "Klantresultaten", "name": "Naam",
           "email": "Zakelijk e-mailadres", "company": "Bedrijf"},
    "ja": {"key_messages": "ポイント", "proof_points": "導入事例", "name": "お名前",
           "email": "会社のメールアドレス", "company": "会社名"},
    "zh": {"key_messages": "核心要点", "proof_points": "客户成果", "name": "姓名", "email": "工作邮箱",
           "company": "公司"},
    "ko": {"key_messages": "핵심 내용", "proof_points": "고객 성과", "name": "이름", "email": "업무용 이메일",
           "company": "회사"},
}
TEXT = "#1F2937"  # body text on white: 14.7:1
PAGE_CLASS = "cosell-landing"


@dataclass
class Page:
    """What goes on the page, already in the draft's language."""

    lang: str
    title: str
    description: str
    brand: str
    vendor: str
    tagline: str | None
    intro: str
    key_messages: list[str]
    proof_points: list[str]
    call_to_action: str | None
    disclaimer: str | None
    color: str
    form_url: str | None
    labels: dict[str, str]
    hidden: dict[str, str] = field(default_factory=dict)  # partner, kit, locale: where a lead came from


def labels_for(lang: str, block: dict) -> dict[str, str]:
    """The page's own words for `lang`: the kit's `landing_labels` over ours; missing keys stay missing."""
    own = block.get("landing_labels") if isinstance(block.get("landing_labels"), dict) else {}
    merged = {**LANDING_LABELS.get(lang, {}), **{k: str(v) for k, v in own.items() if k in LABEL_KEYS and v}}
    return merged


def _e(text: str) -> str:
    return htmlmod.escape(" ".join(str(text).split()), quote=True)


def render_page(p: Page) -> str:
    """The page as one HTML document (see the module's doc for what it holds)."""
    heading = readable_on(p.color, WHITE)  # the brand colour, darkened if needed to reach 4.5:1 on white
    button_ink = ink_on(p.color)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(p.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(p.title)}</title>",
        f'<meta name="description" content="{_e(p.description)}">',
        "</head>",
        f'<body class="{PAGE_CLASS}" style="margin:0;background:{WHITE};color:{TEXT};'
        'font-family:system-ui, sans-serif;line-height:1.5">',
        f'<header style="border-top:6px solid {p.color};padding:16px 24px">',
        f'<p style="margin:0;font-weight:bold">{_e(p.brand)} &amp; {_e(p.vendor)}</p>',
    ]
    if p.tagline:
        out.append(f'<p class="cosell-tagline" style="margin:0"><em>{_e(p.tagline)}</em></p>')
    out += ["</header>", '<main style="padding:0 24px 24px;max-width:720px">',
            f'<h1 style="color:{heading}">{_e(p.title)}</h1>', f"<p>{_e(p.intro)}</p>"]
    if p.key_messages:
        out.append(f'<h2>{_e(p.labels.get("key_messages", ""))}</h2>')
        out.append('<ul class="cosell-key-messages">')
        out += [f"<li>{_e(m)}</li>" for m in p.key_messages]
        out.append("</ul>")
    if p.proof_points:
        out.append(f'<h2>{_e(p.labels.get("proof_points", ""))}</h2>')
        out.append(f'<ul class="cosell-proof-points" style="border-left:4px solid {p.color};padding-left:28px">')
        out += [f"<li>{_e(m)}</li>" for m in p.proof_points]
        out.append("</ul>")
    out += _form(p, button_ink)
    out.append("</main>")
    if p.disclaimer:
        out.append(f'<footer style="padding:16px 24px"><p class="cosell-disclaimer"><small>{_e(p.disclaimer)}'
                   "</small></p></footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out)


def _form(p: Page, button_ink: str) -> list[str]:
    cta = p.call_to_action or ""
    action = f' action="{_e(p.form_url)}"' if p.form_url else ""
    out = ['<section class="cosell-lead-form" aria-labelledby="cosell-cta">',
           f'<h2 id="cosell-cta">{_e(cta)}</h2>',
           f'<form method="post"{action}>']
    out += [f'<input type="hidden" name="{_e(k)}" value="{_e(v)}">' for k, v in p.hidden.items()]
    for name, kind, auto in (("name", "text", "name"), ("email", "email", "email"),
                             ("company", "text", "organization")):
        out.append(f'<p><label for="cosell-{name}" style="display:block">{_e(p.labels.get(name, ""))}</label>'
                   f'<input id="cosell-{name}" name="{name}" type="{kind}" autocomplete="{auto}" required '
                   'style="padding:8px;border:1px solid #6B7280;min-width:16em"></p>')
    out.append(f'<p><button type="submit" style="background:{p.color};color:{button_ink};border:0;'
               f'padding:10px 18px;font-weight:bold">{_e(cta)}</button></p>')
    out += ["</form>", "</section>"]
    return out
