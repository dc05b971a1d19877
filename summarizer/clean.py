"""Raw text or HTML, as people paste it, to clean article text.

    raw -> (HTML? main text by trafilatura, else a plain tag strip) -> normalize_text
        -> drop boilerplate lines -> paragraphs, one per line

Boilerplate is recognised line by line, never inside a sentence: share buttons,
"Related articles" / "Read more", newsletter prompts, image captions and
credits, bylines, "Advertisement", cookie notices, "Follow us on ...", and
lines that are only a timestamp. A dateline such as "(CNN) --" stays: it opens
the first sentence. Everything runs offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import normalize_text

_HTML = re.compile(r"<\s*(!doctype|html|head|body|article|main|div|p|span|br|section|h[1-6])\b[^>]*>", re.I)


@dataclass
class Cleaned:
    text: str  # article text, one paragraph per line
    flags: list[str] = field(default_factory=list)  # "html_extracted", "boilerplate_removed"


def looks_like_html(text: str) -> bool:
    """True when the text carries at least two HTML tags of the usual page kinds."""
    return len(_HTML.findall(text[:20000])) >= 2


# --- HTML ---------------------------------------------------------------------

def extract_html(html: str) -> str:
    """Main text of an HTML page; trafilatura first, a plain tag strip if it finds nothing."""
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, include_images=False,
                                   include_links=False, favor_recall=True)
    except Exception:  # trafilatura raises on some malformed pages; the tag strip still works
        text = None
    return text if text and text.strip() else strip_tags(html)


_DROP_ELEMENTS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "figure", "figcaption",
                  "form", "button", "iframe", "svg", "template")
_BLOCK = re.compile(r"<\s*/?\s*(p|div|br|li|h[1-6]|section|article|tr|blockquote)\b[^>]*>", re.I)


def strip_tags(html: str) -> str:
    """Text of the page without its markup: drop non-content elements, one line per block."""
    import lxml.html

    try:
        root = lxml.html.fromstring(_BLOCK.sub("\n", html).encode("utf-8"))
    except Exception:  # not parseable at all: fall back to a regex strip
        return re.sub(r"<[^>]+>", " ", _BLOCK.sub("\n", html))
    for el in list(root.iter(*_DROP_ELEMENTS)):
        if el.getparent() is not None:  # the root itself cannot be dropped
            el.drop_tree()
    return root.text_content()


# --- boilerplate lines ----------------------------------------------------------

_SHARE_WORDS = (r"share|shares|sharing|tweet|email|e-mail|print|pin|save|copy|link|facebook|twitter|x|linkedin|"
                r"whatsapp|reddit|messenger|telegram|flipboard|pinterest|this|the|article|story|page|on|via|"
                r"comments?|\d+")
_DATE_WORDS = (r"published|updated|last|posted|first|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|est|edt|"
               r"et|pt|cet|ago|hours?|hrs?|minutes?|mins?|seconds?|days?|read|jan(uary)?|feb(ruary)?|"
               r"mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|"
               r"dec(ember)?|mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|"
               r"sun(day)?|today|yesterday|\d+(st|nd|rd|th)?|[\d:./-]+")

# whole-line patterns (case-insensitive), each a kind of boilerplate, with the most words such a line has
_LINE_PATTERNS = [(re.compile(p, re.I), n) for p, n in (
    # share buttons: "Share this article", "Facebook Twitter Email", "Share 12 Comments"
    (rf"(?:(?:{_SHARE_WORDS})\b[\s|:/,.\-•·]*)+", 12),
    # "Advertisement", "Advertisement - scroll to continue with content", "Story continues below advertisement"
    (r"(?:advertisement|advert|sponsored( content)?|ad|story continues below( advertisement)?|"
     r"skip (to (main )?content|advertisement)|continue reading( the main story)?|scroll to continue)"
     r"(?:\s+[-–—]\s+.*|:\s.*)?", 12),
    # "Related articles", "Read more: ...", "More on this story", "You may also like"
    (r"(?:related( articles| stories| content| coverage| links| topics)?|read more|more on this story|see also|"
     r"recommended( for you)?|most (read|popular|viewed)|you (may|might) also like|also read|read next|"
     r"(more )?top stories|trending( now)?|watch( now| video)?|more from [\w ]+)\s*(?:[:\-–—|>»].*)?", 20),
    # captions and credits: "Photo: ...", "Image copyright AFP", "[Image: ...]"
    (r"\[?(?:image|photo|photograph|picture|pictured|video|graphic|illustration|file photo|caption)"
     r"(?:\s+(?:caption|copyright|source|credit|credits))?\s*[:|\]\-–—].*", 40),
    (r"image (?:caption|copyright|source)\b.*", 40),
    (r".*\b(?:photograph|photo|image|picture)(?:\s+credit)?\s*:\s*[^.]{0,80}", 30),  # "... Photograph: J Doe/AP"
    (r".*(?:\(\s*(?:ap|afp|reuters|epa|getty)\b[^)]*\)|/\s*(?:getty images|reuters|afp|ap|epa|pa media|"
     r"shutterstock|bloomberg)\b[\w .]*)\.?", 30),  # "... (AP Photo/Jane Doe)", "... John Smith/Getty Images"
    (r"(?:follow|like) (?:us|@\w+|[\w ]{1,30}) on (?:twitter|facebook|instagram|x|tiktok|linkedin|threads|"
     r"bluesky|youtube)\b.*", 25),
    (r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}.*|.*all rights reserved\.?", 25),
    (r"(?:sign in|log in|subscribe|menu|close|search|home|comments|listen( to (this )?article)?)\.?", 4),
    (rf"(?:(?:{_DATE_WORDS})\b[\s,:|·•]*)+", 14),  # only a timestamp: "Updated 10:32 AM ET, Tue March 3, 2026"
)]
# bylines, with their capitals and without a closing full stop: "By Jane Doe, CNN", "Reporting by A; Editing by B"
_BYLINE = re.compile(r"(?:(?:[Ww]ritten|[Rr]eporting|[Aa]dditional reporting|[Ee]diting|[Ww]ords) )?[Bb]y\s+"
                     r"[A-Z][\w.'’\-]+(?:\s+(?:and\s+)?[A-Z][\w.'’\-]+){0,4}(?:\s*[,|;]\s*[A-Z].{0,60})?"
                     r"(?<![.!?\"”])")
_NEWSLETTER = re.compile(r"\b(sign up|subscribe|newsletter|inbox)\b", re.I)
_NEWSLETTER_CONTEXT = re.compile(r"\b(newsletter|inbox|email|e-mail|alerts?|for free|sign up|delivered|daily|"
                                 r"weekly|every (morning|day|week))\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(accept|consent|we use|this site|our site|website|settings|policy|"
                             r"preferences|experience)\b", re.I)


def is_boilerplate(line: str) -> bool:
    """True for a line (already normalised and stripped) that is page furniture, not article text."""
    if not re.search(r"[^\W\d_]", line):  # no letter at all: "|", "•••", "12:30"
        return True
    words = len(line.split())
    if any(words <= n and pattern.fullmatch(line) for pattern, n in _LINE_PATTERNS):
        return True
    if words <= 14 and _BYLINE.fullmatch(line):
        return True
    if words <= 30 and _NEWSLETTER.search(line) and len(_NEWSLETTER_CONTEXT.findall(line)) >= 2:
        return True
    return words <= 50 and bool(_COOKIE.search(line)) and bool(_COOKIE_CONTEXT.search(line))


def clean(raw: str, *, html: bool | None = None) -> Cleaned:
    """Clean article text from raw text or HTML (`html=None`: decide from the content)."""
    flags = []
    if html if html is not None else looks_like_html(raw):
        raw = extract_html(raw)
        flags.append("html_extracted")
    lines = [line for line in normalize_text(raw).split("\n") if line]
    kept = [line for line in lines if not is_boilerplate(line)]
    if len(kept) < len(lines):
        flags.append("boilerplate_removed")
    return Cleaned("\n".join(kept), flags)
