"""Training data: pairs and labels from the references.

The model rewrites one chosen article sentence at a time (select, then rewrite):

    source  = "takeaway: <sentence>"   paired with   context = <the article's lead sentence>
    target  = "<the reference bullet that sentence supports>"

and writes the abstract from the two or three sentences chosen for it:

    source  = "abstract: <sentence> <sentence>"    context = <lead sentence>
    target  = "<reference abstract>"

Pairs are made from the reference summaries by alignment: each reference bullet is
matched to the article sentence that covers most of its words, and kept only when
that sentence (with the context) covers most of the bullet, so the model learns
to compress and rephrase what is there, not to invent. The same alignment gives
the sentence selector its labels (a sentence is salient if some bullet is built
from it).

The data files are the normalised JSON Lines of `../shared/data` (see its README);
they are read with `datasets`, never copied into the project.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..prompt import ABSTRACT, TAKEAWAY, content, context_for, rewrite_source, strip_mode, tokens
from ..text import STOPWORDS, ensure_sentence_end, split_sentences


def coverage(target: str, source: str) -> float:
    """Share of the target's content words that appear in the source."""
    t = content(target)
    if not t:
        return 0.0
    s = set(tokens(source))
    return sum(w in s for w in t) / len(t)


def _bigrams(ts: list[str]) -> Counter:
    return Counter(zip(ts, ts[1:]))


def align(reference: str, sentences: list[str]) -> tuple[int, float]:
    """Index of the sentence that best supports `reference` (ROUGE-1 + ROUGE-2 recall
    of the reference, a little precision to prefer short sentences), and its score."""
    ref = tokens(reference)
    ref1, ref2 = Counter(w for w in ref if w not in STOPWORDS), _bigrams(ref)
    n1, n2 = max(1, sum(ref1.values())), max(1, sum(ref2.values()))
    best, best_score = 0, -1.0
    for i, sent in enumerate(sentences):
        st = tokens(sent)
        s1, s2 = Counter(w for w in st if w not in STOPWORDS), _bigrams(st)
        r1 = sum((ref1 & s1).values()) / n1
        r2 = sum((ref2 & s2).values()) / n2
        p1 = sum((ref1 & s1).values()) / max(1, sum(s1.values()))
        score = r1 + r2 + 0.2 * p1
        if score > best_score:
            best, best_score = i, score
    return best, best_score


def takeaway_examples(article: str, highlights: list[str], min_coverage: float = 0.7, max_sentences: int = 60):
    """(examples, salient sentence indices, sentences) for one CNN/DM article."""
    sents = split_sentences(article)[:max_sentences]
    if len(sents) < 2:
        return [], set(), sents
    examples, salient = [], set()
    aligned = []
    for h in highlights:
        h = ensure_sentence_end(h)
        i, _ = align(h, sents)
        aligned.append((i, h))
        salient.add(i)
        ctx = context_for(sents, [i])
        if coverage(h, sents[i] + " " + ctx) >= min_coverage:
            examples.append({"source": rewrite_source(TAKEAWAY, [sents[i]]), "context": ctx, "target": h})
    # the abstract: the first two bullets, written from their sentences in article order
    if len(aligned) >= 2:
        idx = sorted({aligned[0][0], aligned[1][0]})
        target = aligned[0][1] + " " + aligned[1][1]
        ctx = context_for(sents, idx)
        if coverage(target, " ".join(sents[i] for i in idx) + " " + ctx) >= min_coverage:
            examples.append({"source": rewrite_source(ABSTRACT, [sents[i] for i in idx]), "context": ctx,
                             "target": target})
    return examples, salient, sents


# words the engine may write that its sentence lacks (decoding.py's free tokens)
_FREE_WORDS = frozenset({"the", "a", "an"})


def is_deletion(target: str, source: str) -> bool:
    """True when the target's words are the source's words in order, some left out (the articles
    "the", "a", "an" may be added): the only kind of rewrite the engine decodes. About one CNN/DM
    highlight in ten is such a deletion of the sentence it is aligned to."""
    words = iter(tokens(strip_mode(source)))
    return all(w in words for w in tokens(target) if w not in _FREE_WORDS)


def checked_deletion(row: dict) -> bool | None:
    """For a takeaway pair whose target is a deletion of its sentence: whether the engine's rewrite check
    (`faithfulness.unfaithful`, then `cuts.checked_cuts`) accepts it as a rewrite of that sentence. About
    half of them it refuses: fragments ("champion remains in an induced coma."), a main clause lost after
    "because", a cut that joins two clauses. None for any other pair."""
    from ..cuts import checked_cuts
    from ..faithfulness import unfaithful

    if not row["source"].startswith(TAKEAWAY + ":") or not is_deletion(row["target"], row["source"]):
        return None
    source, text = strip_mode(row["source"]), ensure_sentence_end(row["target"])
    text = text[:1].upper() + text[1:]  # as the engine finishes a rewrite before it checks it
    return not (unfaithful(text, source, row["context"]) or checked_cuts(text, source, row["context"]))


def abstract_examples(article: str, abstract: str, min_coverage: float = 0.5, k: int = 2):
    """Examples from an article with a one-paragraph reference abstract (XSum, Inshorts)."""
    sents = split_sentences(article)[:60]
    if not sents:
        return []
    scored = sorted(range(len(sents)), key=lambda i: -align(abstract, [sents[i]])[1])[:k]
    idx = sorted(scored)
    ctx = context_for(sents, idx)
    if coverage(abstract, " ".join(sents[i] for i in idx) + " " + ctx) < min_coverage:
        return []
    return [{"source": rewrite_source(ABSTRACT, [sents[i] for i in idx]), "context": ctx,
             "target": ensure_sentence_end(abstract)}]


def load_split(data_dir: str | Path, name: str, split: str):
    """A `datasets.Dataset` of ../shared/data/<name>/<split>.jsonl.gz."""
    from datasets import load_dataset

    path = Path(data_dir) / name / f"{split}.jsonl.gz"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: the data lives in ../shared/data (see its README)")
    return load_dataset("json", data_files=str(path), split="train")


def references(row: dict) -> list[str]:
    """Reference summary of a row as a list of sentences (bullets or one abstract)."""
    if "highlights" in row:
        h = row["highlights"]
        return list(h) if isinstance(h, list) else split_sentences(h)
    return split_sentences(row["abstract"])
