"""Small text rules shared by the structure reader and the checks: noise, codes, ratings."""

from __future__ import annotations

import re

from niapdoc.header import fold
from niapdoc.scales import WORDS, _fold

# Lines that are never part of a report's content: page stamps, page numbers, and the names
# that PDF annotations leak into extracted text.
NOISE_LINE = [
    re.compile(r"^\s*\d{1,3}\s*\|\s*p\s*a\s*g\s*[e]\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*(?:page|p\.|pag\.|pagina|página)\s*\d{1,3}(?:\s*(?:of|sur|de)\s*\d{1,3})?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*\d{1,3}\s*(?:/|of|sur|de)\s*\d{1,3}\s*$", re.IGNORECASE),
    re.compile(r"^\s*[*_]{0,2}\s*\d{1,3}\s*[*_]{0,2}\s*$"),
    re.compile(r"^\s*[-–]\s*\d{1,3}\s*[-–]\s*$"),
    re.compile(
        r"^\s*(?:CoP|SC)\s?\d{2,3}\s+(?:Doc|Inf)\.?\s*[\d.]+(?:\s*[-–—]\s*(?:Annex|Annexe|Anexo)\s*[\w.]*)?(?:\s*[-–—]\s*p\.?\s*\d+)?\s*$",
        re.IGNORECASE,
    ),
]
ANNOTATION = re.compile(
    r"(?:^|\s)[\w.\-]{2,30}\s+(?:Text\s+Box|Typewritten\s+Text|Sticky\s+Note|Highlight|"
    r"Callout|Rectangle|Oval|Stamp|Cross-Out|Inserted\s+Text|Replacement\s+Text|Underline)\b",
)
STAMP_INLINE = re.compile(
    r"\s*(?:CoP|SC)\s?\d{2,3}\s+Doc\.?\s*[\d.]+\s*[-–—]\s*(?:Annex|Annexe|Anexo)\s*[\w.]*\s*[-–—]\s*p\.?\s*\d+\s*",
    re.IGNORECASE,
)
PAGE_INLINE = re.compile(r"\s*\b\d{1,3}\s*\|\s*P\s*a\s*g\s*e\b\s*")


def is_noise(line: str) -> bool:
    """Whether a whole line is a page stamp, page number or annotation name."""
    stripped = line.strip()
    if not stripped:
        return False
    if any(rule.match(stripped) for rule in NOISE_LINE):
        return True
    match = ANNOTATION.fullmatch(" " + stripped)
    return bool(match)


def strip_noise(text: str) -> str:
    """Remove stamps and annotation names that extraction glued into a line of content."""
    text = STAMP_INLINE.sub(" ", text)
    text = PAGE_INLINE.sub(" ", text)
    text = ANNOTATION.sub(" ", text)
    return " ".join(text.split()) if text != text.strip() or "  " in text else text


CODE = r"\d{1,2}(?:\.\d{1,2}){1,2}"
ACTION_START = re.compile(rf"^\s*[\[(]?\s*(?P<code>{CODE})\.?(?![\d])\s*(?P<rest>.*)$", re.DOTALL)
BULLET = re.compile(
    r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\uf0b7\uf0a7\u25a0\-–—*]|o(?=\s+[A-ZÀ-Ý]))\s+"
)

PLACEHOLDER_NAME = re.compile(
    r"^\[\s*(?:name|nom|nombre|pillar\s+name|category\s+name|nom\s+du\s+pilier|"
    r"nom\s+de\s+la\s+categorie|nombre\s+del\s+pilar|nombre\s+de\s+la\s+categoria|insert\s+name)\s*\]$",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"^\s*\[(?P<inner>[^\[\]]*)\]\s*$")


def join_broken(left: str, right: str) -> str:
    """Two pieces of text that a page break cut apart, joined again.

    A hyphen that hyphenation added (U+2010 or a soft hyphen) goes, and the word closes up; a
    plain hyphen after a letter stays, without a space (a compound such as "counter-trafficking").
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left or right
    if re.search(r"[^\W\d_][\u2010\u00ad]$", left) and right[:1].isalpha():
        return left[:-1] + right
    if re.search(r"[^\W\d_]-$", left) and right[:1].isalpha():
        return left + right
    return f"{left} {right}"


def strip_bullet(text: str) -> str:
    """A progress item without its bullet character."""
    return BULLET.sub("", text, count=1).strip()


def is_name_placeholder(text: str) -> bool:
    """Whether a pillar name is the template's `[Name]` (in any language or case)."""
    return bool(PLACEHOLDER_NAME.match(fold(text.strip())))


def unbracket(text: str) -> str:
    """Text without the template's square brackets around the whole of it."""
    text = " ".join(text.split())
    while True:
        match = BRACKETED.match(text)
        if not match:
            break
        text = match.group("inner").strip()
    if text.startswith("[") and "]" not in text:
        text = text[1:].strip()
    if text.endswith("]") and "[" not in text:
        text = text[:-1].strip()
    return text


def title_and_flag(text: str) -> tuple[str, bool]:
    """An action's title without brackets and trailing asterisk, and whether it was flagged."""
    text = " ".join(text.split())
    flagged = False
    # The asterisk can sit inside the brackets, outside them, or after a space.
    pattern = re.compile(r"\s*\*+\s*(\]?)\s*$")
    match = pattern.search(text)
    if match:
        flagged = True
        text = text[: match.start()] + match.group(1)
    text = unbracket(text)
    match = pattern.search(text)
    if match:
        flagged = True
        text = text[: match.start()]
    if text.startswith("*"):
        flagged = True
        text = text.lstrip("* ")
    return text.strip(), flagged


_PHRASES = sorted(WORDS, key=len, reverse=True)
# The same words without spaces: a narrow column breaks "Substantially" into "Substantiall y".
_COMPACT = {phrase.replace(" ", ""): code for phrase, code in WORDS.items()}
_PHRASE_RE = re.compile(r"(?<![a-z])(" + "|".join(re.escape(p) for p in _PHRASES) + r")(?![a-z])")


def find_rating(text: str) -> tuple[str | None, str]:
    """The rating a cell names, and the words it used; (None, words) when it names none."""
    folded = _fold(text)
    if not folded:
        return None, ""
    if folded in WORDS:
        return WORDS[folded], text.strip()
    compact = folded.replace(" ", "")
    if compact in _COMPACT:
        return _COMPACT[compact], text.strip()
    match = _PHRASE_RE.search(folded)
    # Only a cell that is mostly the rating counts: "On track (see comments)" does,
    # a sentence that happens to contain "on track" does not.
    if match and (match.start() == 0 or len(match.group(1)) >= 0.5 * len(folded)):
        return WORDS[match.group(1)], text.strip()
    return None, text.strip()


def fold_words(text: str) -> str:
    """Text as rating phrases are matched: lower case, no accents, punctuation as spaces."""
    return _fold(text)


def rating_phrases(text: str) -> list[tuple[int, int, str]]:
    """Every rating phrase in running text: (start, end, code) on `fold_words(text)`."""
    folded = _fold(text)
    return [(m.start(), m.end(), WORDS[m.group(1)]) for m in _PHRASE_RE.finditer(folded)]
