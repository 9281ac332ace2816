"""People and their posts: title–name patterns, affiliation chains, speech verbs, bylines.

``工业和信息化部党组书记、部长金壮龙`` gives a person, an organisation and two titles;
``部领导王江平、辛国斌`` gives two people under one title; ``本报记者 卢梦琪 张依依`` a byline.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .. import lexicon
from ..model import Analysis, Mention
from .chunks import TokenIndex
from .implicit_bodies import head_of_government
from .cues import NAME_SOFT_STOPS, NAME_STOP_CHARS, SPEECH_VERBS, TRANSLIT, VILLAGE
from .organizations import abbreviated, affiliation, suffix_of
from .prefix import PrefixIndex
from .reach import SpanReach
from .segment import frequency, tagger

_CJK = re.compile(r"[\u4e00-\u9fff]")
_HARD_STOP = set("。；;：:“”\"!！？?\n（）()《》")


@cache
def _titles() -> PrefixIndex:
    return PrefixIndex(lexicon.titles())


@cache
def _common_words() -> dict[str, str]:
    """jieba's dictionary tags, to refuse common words that look like names (高质量)."""
    return tagger().word_tag_tab


# Words that grade a post without changing it (副|经理, 资深|副总经理, 高级|研究员), and words that
# name a manager's field (营销|总监): a title after them takes them in, so the body before ends
# where they start. Fields go with managers' titles only (批发市场|主任 keeps its 市场).
_GRADES = ("常务副", "执行副", "资深副", "高级副", "第一副", "副", "常务", "执行", "资深", "高级", "首席", "代理",
           "名誉", "荣誉")
_FIELDS = ("营销", "策划", "媒介", "公关", "市场", "销售", "财务", "人事", "运营", "研发", "设计", "客户", "艺术",
           "技术", "品牌", "产品", "创意")
_MANAGERS = ("总监", "经理", "主管")
_TITLE_GRADES = PrefixIndex(_GRADES)
_FIELDS_AND_GRADES = PrefixIndex(_GRADES + _FIELDS)


def _qualifiers(title: str) -> PrefixIndex:
    return _FIELDS_AND_GRADES if title.endswith(_MANAGERS) else _TITLE_GRADES


def title_ending_at(text: str, end: int) -> str | None:
    title = next(_titles().ending_at(text, end), None)
    if title is None:
        return None
    return next(_qualifiers(title).ending_at(text, end - len(title)), "") + title


def title_starting_at(text: str, start: int) -> str | None:
    for qualifier in _FIELDS_AND_GRADES.starting_at(text, start):
        title = next(_titles().starting_at(text, start + len(qualifier)), None)
        if title and (qualifier in _GRADES or title.endswith(_MANAGERS)):
            return qualifier + title
    return next(_titles().starting_at(text, start), None)


@cache
def _roles() -> PrefixIndex:
    return PrefixIndex(lexicon.roles())


def role_starting_at(text: str, start: int) -> str | None:
    return next(_roles().starting_at(text, start), None)


def _marker_at(text: str, start: int) -> str | None:
    """A title or a role word starting here: it ends the name before it (朱楠|实习生)."""
    return title_starting_at(text, start) or role_starting_at(text, start)


def _surname_len(text: str, p: int) -> int:
    if text[p:p + 2] in lexicon.surnames():
        return 2
    return 1 if text[p:p + 1] in lexicon.surnames() else 0


_COMMON_NOUN = 5000  # jieba frequency of a noun no surname and given character spell by chance (信息, 单位)
_COMMON_VERB = 1000  # jieba frequency of a verb no given name spells after a surname (都|遭到)
_CLAUSE_GIVEN_TAGS = frozenset({"v", "d", "p", "c", "u", "r", "f"})  # 都|遭到: a surname character before a verb


def _function_word_surname(char: str) -> bool:
    """A rare surname that is mostly a conjunction, preposition or adverb (但, 和, 与, 也): without a
    title before it, the function word is meant."""
    return char not in lexicon.common_surnames() and _common_words().get(char) in _FUNCTION_TAGS


_FUNCTION_TAGS = frozenset({"c", "p", "d", "r", "u"})


def _plausible(name: str, cued: bool = False) -> bool:
    """Not a common word, a title, a village, or (unless a title cued it) a very common noun and
    a character (信息|中称)."""
    tag = _common_words().get(name)
    head = name[:2]
    return (tag is None or tag.startswith("nr")) and title_starting_at(name, 0) is None \
        and not VILLAGE.search(name) \
        and (cued or not (len(name) == 3 and _common_words().get(head) == "n" and frequency(head) >= _COMMON_NOUN))


def _clause_after_surname(text: str, q: int, cued: bool) -> bool:
    """A title, a role or (unless a title cued a common surname: 局长张|前进) a common verb right
    after a surname character (向|记者, 主席都|遭到): the character was no surname."""
    word = text[q:q + 2]
    return bool(_marker_at(text, q)) or not cued and _common_words().get(word) in _CLAUSE_GIVEN_TAGS \
        and frequency(word) >= _COMMON_VERB


# Time words and byline verbs whose first character given names also use: after two characters of a
# name they start the clause (冀岩|上月, 王磊|昨日, 于海|报道), not a third character.
_TIME_WORDS = ("报道", "发自", "摄影", "上月", "上周", "上午", "上旬", "上年", "下午", "下月", "下周", "下旬", "昨天", "昨日", "明天", "明年",
               "前天", "前日", "去年", "日前", "当天", "当日", "本月", "本周", "本年")


def _ends_name(text: str, q: int, given: int) -> bool:
    """Whether the character at ``q``, the ``given``-th of the given name, is past the name."""
    ch = text[q]
    if not _CJK.match(ch):
        return True
    if given == 1 and (_marker_at(text, q) or text.startswith(_TIME_WORDS, q)):
        return True  # 副主任冀岩|上月曾表示
    if ch not in NAME_STOP_CHARS:
        return False
    if given == 0:  # 黄|代放|表示: a soft stop opens a given name no word starts, closed after two
        return not (ch in NAME_SOFT_STOPS and q + 1 < len(text) and _CJK.match(text[q + 1])
                    and frequency(text[q:q + 2]) == 0 and not text.startswith(SPEECH_VERBS, q + 1)
                    and _closed_after(text, q + 2))
    return ch not in NAME_SOFT_STOPS or not _closed_after(text, q + 1)


def _closed_after(text: str, r: int) -> bool:
    """Positive evidence that a name ends at ``r``: the text ends, punctuation, a speech verb, a
    title or a role follows (周富强，, 孔祥同介绍; but 王毅|同美国, 李明|来北京)."""
    return r >= len(text) or not _CJK.match(text[r]) or text.startswith(SPEECH_VERBS, r) \
        or _marker_at(text, r) is not None


def name_at(text: str, p: int, cued: bool = False) -> int | None:
    """End of a personal name starting at ``p`` (surname + one or two given characters), or None;
    ``cued`` when a title or role stands right before it, which vouches for a name there."""
    s = _surname_len(text, p)
    if not s or _clause_after_surname(text, p + s, cued and text[p:p + s] in lexicon.common_surnames()):
        return None
    if s == 1 and _function_word_surname(text[p]) and (not cued or frequency(text[p + 1:p + 3]) >= _COMMON_VERB):
        return None  # 但|他坦言, 但|李先生, 专家和|学者: the conjunction, not the rare surname 但
    given = 0
    while given < 2 and p + s + given < len(text) and not _ends_name(text, p + s + given, given):
        given += 1
    if given == 0:
        return None
    end = p + s + given
    if s == 2 and given == 2:  # 欧阳明德 only where the name visibly ends; else 欧阳修|…
        closed = end == len(text) or not _CJK.match(text[end]) or text[end] in NAME_STOP_CHARS \
            or _marker_at(text, end)
        return end if closed and _plausible(text[p:end], cued) else end - 1
    if given == 2 and not _plausible(text[p:end], cued) and _plausible(text[p:end - 1], cued):
        end -= 1
    return end if _plausible(text[p:end], cued) else None


def _split_byline(run: str) -> list[int] | None:
    """Split a run of names written without separators (卢梦琪张依依齐旭, 孟梅实习生夏冬梅) into
    name lengths; a role word between two names is a negative length, skipped."""
    if not run:
        return []
    role = role_starting_at(run, 0)
    if role:
        rest = _split_byline(run[len(role):])
        return None if rest is None else [-len(role)] + rest
    for k in (3, 2):
        if len(run) >= k and _surname_len(run, 0) and all(_CJK.match(c) for c in run[:k]) \
                and not any(role_starting_at(run, j) for j in range(2, k)):  # 孟梅|实习生, not 孟梅实|习生
            rest = _split_byline(run[k:])
            if rest is not None:
                return [k] + rest
    return None


_BYLINE_RUN = re.compile(r"[^\n）)（(]*")


def _names_after(text: str, p: int) -> list[tuple[int, int]]:
    """Names right after a title: one, a 、-separated list, or a byline run up to the line end
    or the closing bracket (（记者孟梅实习生夏冬梅）)."""
    run = _BYLINE_RUN.match(text, p).group()
    if 4 <= len(run) <= 12 and _CJK.fullmatch(run[0]) and all(_CJK.match(c) for c in run):
        lengths = _split_byline(run)
        if lengths and sum(k > 0 for k in lengths) > 1:
            out, q = [], p
            for k in lengths:
                if k > 0:
                    out.append((q, q + k))
                q += abs(k)
            return out
    out = []
    while True:
        end = name_at(text, p, cued=True)
        if end is None:
            return out
        out.append((p, end))
        if text[end:end + 1] != "、":
            return out
        p = end + 1


def _chain_start(text: str, p: int) -> int:
    """Start of the affiliation chain that ends at ``p`` (back to a hard stop).

    A bracketed place inside a company name (纳琳威纳米科技（上海）有限公司) does not stop it.
    """
    q = p
    while q > 0:
        ch = text[q - 1]
        if ch == "）":
            open_at = text.rfind("（", max(0, q - 10), q)
            if open_at > 0 and (re.match(r"(?:股份)?有限|公司|集团", text[q:q + 4])
                                or _alias_after_name(text, open_at, q)):
                q = open_at
                continue
        if ch in _HARD_STOP or (ch == "，" and not title_ending_at(text, q - 1)):
            break
        q -= 1
    return q


def _alias_after_name(text: str, open_at: int, close_at: int) -> bool:
    """（稀金新材） after a body's full name, before its people's titles: the short name."""
    return suffix_of(text[max(0, open_at - 6):open_at]) is not None and 2 <= close_at - open_at - 1 <= 8


def parse_chain(text: str, start: int, end: int) -> list[tuple[tuple[int, int] | None, list[str]]]:
    """Split ``text[start:end]`` (org title、org title …) into (org span, titles) pairs, left to right."""
    pairs: list[tuple[tuple[int, int] | None, list[str]]] = []
    titles: list[str] = []
    p = end
    while p > start:
        if text[p - 1] in "、，兼及和":
            p -= 1
            if titles:
                pairs.append((None, titles))
                titles = []
            continue
        t = title_ending_at(text, p)
        if t and p - len(t) >= start:
            titles.insert(0, t)
            p -= len(t)
            continue
        q = p
        while q > start and text[q - 1] not in "、，兼" and not (q < p and title_ending_at(text, q)):
            q -= 1
        open_at = text.rfind("（", q, p)
        named_until = open_at if text[p - 1] == "）" and open_at > q and _alias_after_name(text, open_at, p - 1) else p
        pairs.append(((q, named_until), titles))
        titles = []
        p = q
    if titles:
        pairs.append((None, titles))
    pairs.reverse()
    # a title group without an organisation belongs to the organisation on its left
    out: list[tuple[tuple[int, int] | None, list[str]]] = []
    for org, ts in pairs:
        if org is None and out and out[-1][0] is not None:
            out.append((out[-1][0], ts))
        else:
            out.append((org, ts))
    return out


def _titled_after(text: str, bare_titles: list[int]) -> list[tuple[int, int]]:
    """A name right before its title, opening a clause (，习近平总书记…, 。金壮龙部长…). Only titles
    no name follows count (``bare_titles``, their starts): before 、南师大副校长陈凌孚 stands the body."""
    out = []
    for i in bare_titles:
        for k in (3, 2):
            p = i - k
            if p >= 0 and (text[p - 1:p] if p else "\n") in _CLAUSE_OPENERS and name_at(text, p) == i \
                    and not _body_like(text[p:i]):
                out.append((p, i))
                break
    return out


def _body_like(name: str) -> bool:
    """彭博社, 区政协, 南师大: a body's ending, or a body's short name after the first character."""
    tails = [name[j:] for j in range(1, len(name) - 1)]
    return name[-1] in _BODY_LAST \
        or any(t in lexicon.organizations() or _common_words().get(t) in ("j", "nt") for t in tails)


_BODY_LAST = frozenset("社院委局部司厅署办所站系科室会")
_CLAUSE_OPENERS = frozenset("，。；：、“”（\n 　")


def _speech_names(text: str) -> list[tuple[int, int]]:
    out = []
    for verb in SPEECH_VERBS:
        for m in re.finditer(re.escape(verb), text):
            for k in (3, 2):
                p = m.start() - k
                if p < 0:
                    continue
                if (text[p - 1:p] if p else "\n") in _CLAUSE_OPENERS and name_at(text, p) == m.start():
                    out.append((p, m.start()))
                    break
    return out


_TRANSLIT_RUN = re.compile("[%s]{2,6}" % "".join(sorted(TRANSLIT)))


def _foreign_name(text: str, p: int) -> int | None:
    """End of a transliterated name starting at ``p`` (温格, 斯帕莱蒂), unless it is a known place."""
    m = _TRANSLIT_RUN.match(text, p)
    if m is None or m.group() in lexicon.locations() or m.group() in lexicon.organizations() \
            or text[m.end():m.end() + 1] in "·•":  # 丹尼斯·霍珀: the dotted name is found whole
        return None
    return m.end()


_NOT_NAME_TAGS = frozenset({"d", "p", "c", "v", "r", "u", "uj", "ul", "f", "m", "q"})


def _role_names(a: Analysis) -> list[tuple[int, int]]:
    """导演徐克, 主教练温格, 前锋范佩西: a role word, then a Chinese or a transliterated name
    (the longer of the two readings: 影星|文迪索尔); not an adverb or a verb (选手|都会, 玩家|干)."""
    text, idx = a.doc.norm, TokenIndex(a)
    out = []
    for i in range(len(text)):
        role = role_starting_at(text, i)
        if role is None:
            continue
        p = i + len(role)
        tok = bisect_right(idx.starts, p) - 1
        if tok < 0 or idx.tokens[tok][2] != p or idx.tokens[tok][1] in _NOT_NAME_TAGS or _marker_at(text, p):
            continue
        end = max(name_at(text, p) or 0, _foreign_name(text, p) or 0)
        if end:
            out.append((p, end))
    return out


def _foreign_speakers(text: str) -> list[tuple[int, int]]:
    """德里克说, 泽尔尼克透露: a transliterated name opening a clause before a speech verb."""
    out = []
    for m in _TRANSLIT_RUN.finditer(text):
        before = text[m.start() - 1:m.start()] if m.start() else "\n"
        if before in "，。；：、“”（\n 　" and text.startswith(SPEECH_VERBS, m.end()) \
                and _foreign_name(text, m.start()) == m.end():
            out.append((m.start(), m.end()))
    return out


def _dialogue_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"(?m)^[ \t]*([\u4e00-\u9fff]{2,4})：", text):
        if name_at(text, m.start(1)) == m.end(1):
            out.append((m.start(1), m.end(1)))
    return out


# Endings of dictionary words jieba mislabels as names: qualities (高端化) and places (卢浮宫, 金字塔).
_NOT_NAME_ENDS = frozenset("化性宫塔岛村河区湖山城堡港湾寺庙街路镇省市县州")


# Verbs only people do: a name jieba's dictionary knows is a person's before one (范冰冰|主演), unless
# its given part is a word of its own (吴|小姐, 姚|先生).
_PERSON_ACTS = frozenset(SPEECH_VERBS) | {"执导", "主演", "饰演", "导演", "主持"}


def _tagged_names(a: Analysis) -> list[tuple[int, int]]:
    """jieba's person tags (nr), kept for surname-led 2–3 character words: unknown to its
    dictionary, or listed there as a name whose given part is not a word (曾荫权, not 高水平)
    or one a person's verb follows."""
    out = []
    words = _common_words()
    for i, (word, tag, start) in enumerate(a.tokens):
        acts = i + 1 < len(a.tokens) and a.tokens[i + 1][0] in _PERSON_ACTS
        if tag in ("nr", "nrfg") and 2 <= len(word) <= 3 and all(_CJK.match(c) for c in word) \
                and (tag == "nr" and word not in words
                     or words.get(word) in ("nr", "nrfg") and word[-1] not in _NOT_NAME_ENDS and len(word) == 3
                     and (word[1:] not in words or acts and words[word[1:]] not in ("nr", "n"))) \
                and word[0] in lexicon.common_surnames() \
                and name_at(a.doc.norm, start) in (start + len(word), None) \
                and word[-1] not in NAME_STOP_CHARS and _plausible(word):
            out.append((start, start + len(word)))
    return out


_DOTTED_NAME = re.compile("(?<![·•])[{0}]++(?:[·•][{0}]++)++(?![·•])".format("".join(sorted(TRANSLIT))))


def _foreign_names(a: Analysis) -> list[tuple[int, int]]:
    """Transliterated names carry their separator dot (威尔·史密斯, 约瑟夫•马洛德•威廉): a run of
    transliteration characters on both sides of every dot, starting where a word does, so two
    names a word apart stay two (安吉丽娜·茱莉在哈莉·贝丽) and no piece of a longer dotted name
    is one (马丁·路德·金: not 德·金)."""
    word_starts = {start for _, _, start in a.tokens}
    return [m.span() for m in _DOTTED_NAME.finditer(a.doc.norm) if m.start() in word_starts]


_BRACKETED_RUN = re.compile(r"（([\u4e00-\u9fff]{4,9})）")


def _bracket_bylines(a: Analysis) -> list[tuple[int, int]]:
    """A report's closing byline, names run together in brackets (（袁峰乔倩倩）): two or more
    names only, each a surname and one or two plausible given characters, with no known body or
    place in the brackets and no word of jieba's dictionary across a cut (华东师|范大学)."""
    text = a.doc.norm
    named = SpanReach((m.start, m.end) for m in a.mentions if m.type in ("Organization", "Location"))
    out = []
    for m in _BRACKETED_RUN.finditer(text):
        lengths = _split_byline(m.group(1))
        if not lengths or len(lengths) < 2 or min(lengths) < 0 or named.furthest_end(m.end(1)) > m.start(1):
            continue
        q = m.start(1)
        pieces = []
        for k in lengths:
            pieces.append((q, q + k))
            q += k
        cuts = [e for _, e in pieces[:-1]]
        if all(_plausible(text[b:e]) for b, e in pieces) \
                and not any(frequency(text[c - 1:c + 1]) > 0 for c in cuts):
            out.extend(pieces)
    return out


def _addressed_names(text: str) -> list[tuple[int, int]]:
    """张三先生 / 李四女士 / a resume line opening with a name and a comma or colon."""
    out = []
    for m in re.finditer(r"([\u4e00-\u9fff]{2,3})(?:先生|女士)|^([\u4e00-\u9fff]{2,3})[，,：:]", text, re.M):
        g = 1 if m.group(1) else 2
        if name_at(text, m.start(g)) == m.end(g):
            out.append((m.start(g), m.end(g)))
    return out


def _posting_then_name(text: str, start: int, org_starts: set[int]) -> bool:
    """曾任|中源协和…, 2011年4月至今任|鼎捷软件…: 任 after 曾/现/a date, or right before an
    organisation's name, is the verb "serve as", not the surname 任."""
    return text[start:start + 1] == "任" and start > 0 \
        and (text[start - 1] in "现曾历兼出担拟继转调改升年月日今" or start + 1 in org_starts)


def people_stage(a: Analysis) -> None:
    """Add Person mentions, the affiliation chunks before their titles, and their posts."""
    text = a.doc.norm
    idx = TokenIndex(a)
    found: dict[tuple[int, int], None] = {}
    named = {(m.start, m.end): m for m in a.mentions if m.type == "Organization"}
    covered = 0
    bare_titles: list[int] = []  # titles no name follows: one may follow its name (习近平|总书记)
    for i in range(len(text)):
        t = title_starting_at(text, i) if i >= covered else None
        if not t:
            continue
        covered = i + len(t)
        names = _names_after(text, i + len(t))
        if not names:
            bare_titles.append(i)
            continue
        chain_from = _chain_start(text, i + len(t))
        # A person named earlier in the chain ends what belongs to this title (…董事长周明远、|
        # 洛阳华锐…总经理韩立新): their bodies are theirs, not this person's.
        before = max((e for s, e in found if chain_from <= s and e <= i), default=None)
        if before is not None:
            chain_from = before + 1 if text[before:before + 1] in "、，," else before
        for ns, ne in names:
            found[(ns, ne)] = None
        person_spans = names
        for org_span, titles in parse_chain(text, chain_from, names[0][0]):
            # a piece holding no title (徐悲鸿夫人廖静文|、南师大副校长…) is someone else's, not a body
            org = affiliation(a, idx, org_span, named) if org_span is not None and titles else None
            if org is None and titles and titles[0].startswith("部") and len(titles[0]) > 1:
                org = abbreviated(a, "部", i)
            org = head_of_government(a, org, org_span, titles)  # 赣州市|副市长: 赣州市人民政府
            for ns, ne in person_spans:
                a.roles.append((Mention("Person", text[ns:ne], ns, ne), org, tuple(titles)))
    orgs = [m for m in a.mentions if m.type == "Organization"]
    org_names = {m.text for m in orgs}
    # jieba's guess yields to an organisation: 罗森堡vs… is a team, 北京市金杜|律师事务所 a firm's name
    tagged = [(s, e) for s, e in _tagged_names(a) if text[s:e] not in org_names
              and not any(m.start <= s and e <= m.end for m in orgs)]
    for span in _speech_names(text) + _titled_after(text, bare_titles) + _dialogue_names(text) + tagged + _addressed_names(text) \
            + _foreign_names(a) + _role_names(a) + _foreign_speakers(text) + _bracket_bylines(a):
        found[span] = None
    org_starts = {m.start for m in a.mentions if m.type == "Organization"}
    names = {text[s:e] for s, e in found if not _posting_then_name(text, s, org_starts)}
    for name in sorted(names):
        for m in re.finditer(re.escape(name), text):
            a.mentions.append(Mention("Person", name, m.start(), m.end()))
    _dateline_reporters(a)


# A paper's dateline with its reporters (赣南日报讯（记者钟雨桐刘浩然）): the paper's reporters.
_DATELINE = re.compile(r"讯[（(]((?:记者|通讯员)[^）)\n]{2,30})[）)]")
_REPORTER = re.compile(r"记者|通讯员")


def _dateline_reporters(a: Analysis) -> None:
    """Each person named in a dateline's brackets holds the post the word before them names
    (记者, 通讯员) at the paper."""
    text = a.doc.norm
    for m in _DATELINE.finditer(text):
        paper = next((o for o in a.mentions if o.type == "Organization" and o.end == m.start()), None)
        if paper is None:
            continue
        posts = [(r.start(), r.group()) for r in _REPORTER.finditer(text, m.start(1), m.end(1))]
        for person in a.mentions:
            if person.type == "Person" and m.start(1) <= person.start and person.end <= m.end(1):
                post = max((p for p in posts if p[0] < person.start), default=posts[0])[1]
                a.roles.append((person, paper, (post,)))
