"""Text as ranking compares it: Chinese in one script (Traditional folded into Simplified with OpenCC), Chinese
runs cut into words with jieba, English words lower-cased and lightly stemmed, filler words dropped.
Folding is for comparison only: what a person reads is always the text as written."""

import re
import unicodedata
from functools import cache

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]+|[a-z][a-z0-9]+|[0-9]+[a-z]*")
SENTENCE_END = re.compile(r"(?<=[.!?;。！？；])\s*|\n+")
MAX_TEXT = 20_000  # what is read of one text; a longer one is cut, never refused
STOPWORDS = frozenset(
    """
    about above after again against all also and any are because been before being below between both but can
    cannot could did does doing down during each few for from further had has have having her here hers him his
    how into its itself just more most much must need needs not now off once only other our ours out over own same
    she should some such than that the their theirs them then there these they this those through too under until
    very was way ways were what when where which while who whom why will with would you your yours per etc use
    used using want wants like get gets got make makes made many lot lots one two three along part parts
    的 了 和 与 及 或 在 是 有 我 我们 你 你们 他们 它 这 那 也 都 就 要 会 能 对 等 把 被 让 给 从 以 而 之 其 为 上 下 中
    个 些 很 并 但 还 又 吗 呢 吧 啊 所 所以 因为 如果 可以 需要 希望 一个 一些 没有 什么 怎么 如何 进行
    """.split()
)


@cache
def _converter(config="t2s"):
    import opencc

    return opencc.OpenCC(config)


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(60)  # its dictionary-loading chatter is noise in logs
    return jieba


def fold(text):
    """One comparable form: NFKC (full-width letters become ASCII), lower case, Simplified script."""
    text = unicodedata.normalize("NFKC", (text or "")[:MAX_TEXT]).lower()
    return _converter().convert(text) if re.search(f"[{CJK}]", text) else text


def stem(word):
    """A light English stemmer: 'surfaces' and 'surface', 'scratched' and 'scratch' compare as one."""
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def terms(text):
    """The words of `text` as ranking compares them, in order, repeats kept (they weigh in BM25)."""
    found = []
    for token in TOKEN.findall(fold(text)):
        if re.match(f"[{CJK}]", token):
            found.extend(word for word in _jieba().cut_for_search(token) if word not in STOPWORDS)
        elif token not in STOPWORDS and len(token) > 2:
            found.append(stem(token))
    return found


def segment(folded):
    """Chinese text (already folded) cut into words, as a search box reads it."""
    return list(_jieba().cut(folded))


def has_words(text):
    return bool(terms(text))


def script_variants(word):
    """A word in both Chinese scripts (and as typed), for matching stored text that was never folded."""
    variants = [word, _converter("t2s").convert(word), _converter("s2t").convert(word)]
    return list(dict.fromkeys(variants))


def sentences(text):
    """The sentences (or lines) of a profile, each as written, without the empty ones."""
    return [part.strip() for part in SENTENCE_END.split((text or "")[:MAX_TEXT]) if len(part.strip()) > 3]
