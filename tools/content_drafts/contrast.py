"""WCAG 2.x contrast: relative luminance, contrast ratio, and a brand colour made readable.

A partner's brand colour is often a mid-tone (#B1A031 on white is 2.6:1). Text must reach AA, 4.5:1
against its background; `readable_on` keeps the hue and darkens (or lightens, on a dark background)
until it does. The unchanged colour stays for borders and accents, where no text sits on it.
"""
from __future__ import annotations

AA_TEXT = 4.5
WHITE, BLACK = "#FFFFFF", "#000000"


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def luminance(color: str) -> float:
    """WCAG relative luminance of `#RRGGBB`."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21."""
    a, b = luminance(foreground), luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def ink_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (at least 4.58:1 for any colour)."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


def readable_on(color: str, background: str = WHITE, minimum: float = AA_TEXT) -> str:
    """`color` itself when it reaches `minimum` on `background`; else the same hue, darkened towards black
    (lightened towards white on a dark background) in small steps until it does."""
    if contrast_ratio(color, background) >= minimum:
        return color
    target = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    base = _rgb(color)
    for step in range(1, 101):
        t = step / 100
        candidate = _hex(tuple(c + (goal - c) * t for c, goal in zip(base, target, strict=True)))
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return _hex(target)
