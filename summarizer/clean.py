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


# a page's side boxes (a "Key Takeaways" or "In brief" list, the editor's analysis) follow its story past
# one blank line (the story has none), and the text is flagged "side_box_moved"
BOX_BREAK = "\n\n"


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
    (r"our standards:.*|(?:the )?thomson reuters trust principles\.?", 12),
    (r"(?:sign in|log in|subscribe|menu|close|search|home|comments|listen( to (this )?article)?)\.?", 4),
    (r"(?:sorry,? )?(?:we are|we're) (?:not currently|no longer|not) accepting comments(?: on this (?:article|story))?"
     r"\.?", 12),
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


# --- page structure ----------------------------------------------------------------

# a line that ends a sentence: end punctuation, perhaps inside closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
# a heading (headline, section label, link title, list of tags) has no end punctuation and at most
# this many words; a longer line without it is prose that lost its full stop
MAX_HEADING_WORDS = 20
# labels of boxes beside the story (analysis, the editor's view, a summary of the page): their lines
# are moved after the story, so the story's own sentences come first
_BOX_LABEL = re.compile(
    r"(?:the\s+)?(?:editor'?s?'?\s+(?:desk|note|notes|view|pick|picks|choice)|(?:strategic|expert|our|quick|news|"
    r"market|policy)?\s*analysis|key\s+(?:takeaways?|points|facts|findings|numbers)|(?:the\s+)?(?:big|bottom)\s+"
    r"(?:picture|line)|why\s+it\s+matters|what\s+(?:we\s+know|to\s+know|it\s+means|happens\s+next|'s\s+next)|"
    r"at\s+a\s+glance|in\s+(?:brief|short|numbers|context)|context|background|fact\s*(?:box|file|check)|explainer|"
    r"opinion|commentary|perspective|sidebar|tl;?\s*dr|summary|(?:story\s+)?highlights|quick\s+read|"
    r"the\s+short\s+version|need\s+to\s+know)\s*:?", re.I)
# a box ends at the next heading, after this many lines, or at a line much longer than its first one
# (a box without a closing heading must not swallow the story after it: box items are short, a
# story's paragraphs are long)
MAX_BOX_LINES = 4
MAX_BOX_GROWTH = 1.3
# labels that open a list of links to other stories: the short lines after them are link titles
_LINKS_LABEL = re.compile(
    r"(?:related(?:\s+(?:articles?|stories|content|coverage|links|topics|reading))?|read\s+more|"
    r"more\s+(?:on|from|about|in|stories|news)\b.{0,30}|see\s+also|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:read|popular|viewed|shared)(?:\s+\w+)?|trending(?:\s+now)?|latest(?:\s+(?:news|stories))?|"
    r"top\s+stories|further\s+reading|also\s+read|other\s+(?:stories|news)|editor'?s'?\s+picks?|"
    r"you\s+(?:may|might)\s+also\s+like|about\s+(?:the\s+)?authors?|about\s+this\s+(?:article|story|post)|"
    r"author\s+bio|cite\s+this\s+article)\s*[:>»]?", re.I)
# an author's one-line biography: "Sarah Linden is a columnist.", "Maya Chen leads the platform team."
_BIO = re.compile(r"[A-Z][\w'.\-]+(?:\s+[A-Z][\w'.\-]+){1,3}\s+(?:is|was|leads|writes|covers|edits|reports)\b"
                  r"[^.!?]{0,100}\b(?:columnist|writer|editor|correspondent|reporter|journalist|author|contributor|"
                  r"critic|team|desk|section|beat|for\s+(?:the|our)\b[^.!?]*)\.?")
MAX_BIO_WORDS = 20
MAX_LINK_WORDS = 20
# a standfirst: the one-sentence line under a headline, before the byline, date or picture
MAX_STANDFIRST_WORDS = 45


_TRAILING_TAGS = re.compile(r"(?:\s*<[^<>]{0,200}>)+\s*$")


def _is_heading(line: str) -> bool:
    """A short line with no end punctuation (a markup tag after the full stop does not count)."""
    return len(line.split()) <= MAX_HEADING_WORDS and not _SENTENCE_END.search(_TRAILING_TAGS.sub("", line))


def _words(line: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", line.lower()))


# a pull quote has at least this many words (fewer could stand in any line by chance) and at most 45
MIN_PULL_QUOTE_WORDS = 4
MAX_PULL_QUOTE_WORDS = 45


def _pull_quotes(lines: list[str]) -> set[str]:
    """The short lines whose words all stand, in order, in another line of the page: quotes pulled out
    of the story and set in large type. Linear in the page: each distinct line's word 4-grams are
    indexed once, and a candidate is compared only with the lines that share its rarest 4-gram."""
    texts = list(dict.fromkeys(lines))  # distinct lines: a repeated line is not a quote of itself
    words = [_words(t) for t in texts]
    index: dict[str, list[int]] = {}
    for j, w in enumerate(words):
        toks = w.split()
        for k in range(len(toks) - MIN_PULL_QUOTE_WORDS + 1):
            index.setdefault(" ".join(toks[k:k + MIN_PULL_QUOTE_WORDS]), []).append(j)
    found = set()
    for i, (text, w) in enumerate(zip(texts, words)):
        toks = w.split()
        if not MIN_PULL_QUOTE_WORDS <= len(toks) or len(text.split()) > MAX_PULL_QUOTE_WORDS:
            continue
        keys = [" ".join(toks[k:k + MIN_PULL_QUOTE_WORDS]) for k in range(len(toks) - MIN_PULL_QUOTE_WORDS + 1)]
        rarest = min(keys, key=lambda key: len(index[key]))
        if any(j != i and w in words[j] for j in index[rarest]):
            found.add(text)
    return found


@dataclass
class Page:
    story: list[str]  # the story's lines, in order
    boxes: list[str]  # lines of side boxes (analysis, the editor's view), after the story
    furniture: list[tuple[str, str]]  # (line, what it is): never summarised


def page_structure(lines: list[str], removed: list[bool] | None = None) -> Page:
    """Tell the story's lines from the page around it. `removed[i]`: line i was boilerplate (a byline,
    a date, share buttons), kept here only because it shows where a headline and standfirst end.

    Headlines, section labels, link titles and tag lists (short lines with no end punctuation), a
    standfirst (a one-sentence line between the headline and the byline, date or picture), pull quotes
    (a line repeated inside another) and the lines of a "Related articles" list are furniture. Lines under
    a box label ("Editor's Desk", "Analysis", "Key Takeaways") are box lines. When almost nothing would be
    left as story, the page is taken as it is: a text of short unpunctuated lines is still a text."""
    removed = removed or [False] * len(lines)
    live = [line for line, r in zip(lines, removed) if not r]
    pull_quotes = _pull_quotes(live)
    story, boxes, furniture = [], [], []
    box_left, box_first, in_links = 0, 0, False
    seen_story = False
    for i, (line, was_removed) in enumerate(zip(lines, removed)):
        if was_removed:
            if _LINKS_LABEL.fullmatch(line) and len(line.split()) <= 6:
                in_links = True
            continue
        heading = _is_heading(line)
        if heading and _BOX_LABEL.fullmatch(line):
            furniture.append((line, "box label"))
            box_left, box_first, in_links = MAX_BOX_LINES, 0, False
            continue
        if heading and _LINKS_LABEL.fullmatch(line) and len(line.split()) <= 6:
            furniture.append((line, "link list"))
            in_links = True
            continue
        if in_links and len(line.split()) <= MAX_LINK_WORDS:
            furniture.append((line, "link list"))
            continue
        in_links = False
        if heading:
            furniture.append((line, "heading"))
            box_left = 0
            continue
        if len(line.split()) <= MAX_BIO_WORDS and _BIO.fullmatch(line):
            furniture.append((line, "author bio"))
            continue
        if line in pull_quotes:
            furniture.append((line, "pull quote"))
            continue
        if box_left and (not box_first or len(line.split()) <= MAX_BOX_GROWTH * box_first):
            boxes.append(line)
            box_first = box_first or len(line.split())
            box_left -= 1
            continue
        box_left = 0
        if not seen_story and _is_standfirst(i, lines, removed):
            furniture.append((line, "standfirst"))
            continue
        story.append(line)
        seen_story = True
    if sum(len(x.split()) for x in story + boxes) < 0.3 * sum(len(x.split()) for x in live):
        return Page(live, [], [])
    return Page(story, boxes, furniture)


def _is_standfirst(i: int, lines: list[str], removed: list[bool]) -> bool:
    """Line i is the single sentence right under the page's headline (only headings above it), followed
    by a byline, a date or a picture credit (lines the boilerplate step removed) or by another heading."""
    if i == 0 or i + 1 >= len(lines) or any(removed[j] or not _is_heading(lines[j]) for j in range(i)):
        return False
    after = i + 1
    if len(lines[i].split()) > MAX_STANDFIRST_WORDS or len(re.findall(r"[.!?](?:\s|$)", lines[i])) > 1:
        return False
    return removed[after] or _is_heading(lines[after])


def clean(raw: str, *, html: bool | None = None) -> Cleaned:
    """Clean article text from raw text or HTML (`html=None`: decide from the content): the story's
    lines, then the lines of its side boxes."""
    flags = []
    if html if html is not None else looks_like_html(raw):
        raw = extract_html(raw)
        flags.append("html_extracted")
    lines = [line for line in normalize_text(raw).split("\n") if line]
    removed = [is_boilerplate(line) for line in lines]
    if any(removed):
        flags.append("boilerplate_removed")
    page = page_structure(lines, removed)
    if page.furniture:
        flags.append("page_furniture_removed")
    if page.boxes:
        flags.append("side_box_moved")
    # with the flag, the engine ranks the boxes' sentences after every sentence of the story
    return Cleaned("\n".join(page.story) + (BOX_BREAK + "\n".join(page.boxes) if page.boxes else ""), flags)
