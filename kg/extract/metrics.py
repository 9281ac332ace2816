"""The metrics stage: quantities stated in the text (增长4.6%, 958.7万辆, 超千亿元) as MetricMentions.

A figure becomes a metric when it carries a unit or a scale word (万, 亿) and is not part of
a name, date, ordinal or list count. Around it the stage reads what is measured (the noun
phrase before it, or the counted thing after a count unit), the kind of figure (同比增长,
占比, 目标 …), hedges (超过, 约, 以上) and the period, carried from the clause, the sentence,
the paragraph or the question being answered when the figure's own clause names none.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, cached_property

from .. import lexicon
from ..model import Analysis, Mention, MetricMention
from .numbers import NUMBER, parse_number
from .periods import TimeExpr, find_times, resolve

_DELIMS = "，,；;：:。！？!?\n"
_SUBJECT_TYPES = ("Industry", "Location", "Organization")
_LEAD = re.compile(r"^(?:[\s●•、“]|[一二三四五六七八九十]+是|其中|另外|此外|同时|而且|并且|并|还|我国|中国|预计|已经|已有|已|约|大约|共|总共|以及|及|和|但|而|全国)+")
_TAIL = re.compile(r"(?:了|已经|已有|已|都|均|是|为|共|分别|实现|完成|从|首次|平均|曾|将|有望|保持|合计|总计|共计|仅仅|仅|只有|拥有|共有|"
                   r"累计|的|约|当中有|中有|跃上|跃居|达|之|到|至)+$")
_COMPARE = re.compile(r"(?:比|较|相比|相较于|与)(?:上年同期|去年同期|上年|去年|(?:19|20)\d{2}年(?:年底|年末|底|末)?"
                      r"|[^，。；\d]{0,6}初期)(?:相比)?")
_RELATIONAL = ("占", "同比", "比", "较", "相比", "相较")
_COMPARED_RATE = re.compile(r"(?:增速|增幅|降幅|涨幅)(?:比|较)|[高低快慢]于")  # …增速比上半年加快, 高于全市
_ACCUMULATED = re.compile(r"已(?:经)?(?:建成|培育|覆盖|建设|开通|累计)")
_PLANNED = re.compile(r"将(?!达)[\u4e00-\u9fff]")
_COORDINATED = re.compile(r"((?:[\u4e00-\u9fff]{1,10}、)+[\u4e00-\u9fff]{1,10})等(?=[\u4e00-\u9fff])")
_JOINER = ("和", "、", "与", "及")
_SPLIT_PAIRS = {"产销": ("产量", "销量"), "进出口": ("进口", "出口")}
_FRAME = re.compile(r"((?:19|20)\d{2})年[^。]{0,20}是[^。]*一年")
_SUMMARY = re.compile(r"总结((?:19|20)\d{2})年")
_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:]")
_TOPIC_LEAD = re.compile(r"^[\s●•\-“]*(?:[\u4e00-\u9fff]{2,4}[：:])?(?:力争|计划|预计|其中|同时|此外|另外|而|但|在|自|从|截至)?“?$")


# ---------------------------------------------------------------- lexicons


@cache
def units() -> tuple[tuple[str, str, bool], ...]:
    """(form in text, unit recorded, is a count unit), longest form first."""
    rows = [(r[0], (r[1] if len(r) > 1 and r[1] else r[0]), len(r) > 2 and r[2] == "count") for r in lexicon.rows("units.txt")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def measures() -> tuple[tuple[str, str], ...]:
    """(change word, measure), longest first: 比上年提高 → 同比增长 before 提高 → 增长."""
    return tuple(sorted(((r[0], r[1]) for r in lexicon.rows("measures.txt")), key=lambda r: -len(r[0])))


@cache
def measure_cues() -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in lexicon.rows("measure_cues.txt"))


@cache
def qualifiers(position: str) -> tuple[tuple[str, str], ...]:
    """(word, qualifier) standing ``before`` or ``after`` the figure, longest first."""
    rows = [(r[0], r[1]) for r in lexicon.rows("qualifiers.txt") if r[2] == position]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _figure_re() -> re.Pattern:
    unit = "|".join(re.escape(u[0]) for u in units())
    after = "|".join(re.escape(q[0]) for q in qualifiers("after"))
    return re.compile(rf"{NUMBER}(?P<approx2>[多余])?(?P<unit>{unit})?(?P<post>{after})?")


# ---------------------------------------------------------------- figures


@dataclass
class Figure:
    """A number with its unit in the text: the raw material of one metric."""

    start: int
    end: int  # after unit and trailing qualifier
    value: Decimal
    unit: str | None
    count: bool  # a count unit: the counted thing may follow (18家国家制造业创新中心)
    qualifier: str | None  # 以上, 左右, 多, 余
    half: bool = False  # 一半以上: a share of what follows


_RANGE_JOINERS = frozenset({"和", "、", "与", "及", "至", "到", "—", "-", "~", "～"})
_NOT_TENTHS = set("立为功本果员交长熟效绩品型套片都不")  # 建成立, 两成都, 一成不变


def _bare(m: re.Match) -> bool:
    """A figure that is only a scale or 十/百/千 (千亿, 万, 千): needs a hedge to be a number."""
    num = m.group("num")
    return bool(m.group("bare")) or (num is not None and set(num) <= set("十百千"))


def _figure(text: str, m: re.Match) -> Figure | None:
    """Turn a match into a Figure, or None for names, dates, ordinals and list counts."""
    s, e = m.start(), m.end()
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < len(text) else ""
    if prev.isascii() and (prev.isalnum() or prev in ".+") or prev == "第":
        return None
    if (nxt.isascii() and nxt.isalpha()) or nxt == "级" or text.startswith("台阶", e):
        return None
    unit_form = m.group("unit")
    if unit_form == "个" and nxt == "月":
        return None
    if unit_form == "成" and (m.group("scale") or nxt in _NOT_TENTHS):  # 建成立, 两成都
        return None
    row = next((u for u in units() if u[0] == unit_form), None)
    approx = m.group("approx") or m.group("approx2")
    post = m.group("post") or approx
    if m.group("half"):
        if m.group("post") not in ("以上", "左右"):
            return None
        return Figure(s, e, Decimal(50), "%", False, m.group("post"), True)
    if row is None and not (m.group("scale") or m.group("bare")):
        return None
    if _bare(m) and not (post or _hedge_before(text, s)):
        return None
    num = m.group("num") or ""
    chinese = bool(num) and not num[0].isdigit()
    text_num = m.group(0)[: m.end("scale") - s if m.group("scale") else (m.end("num") - s if num else m.end("bare") - s)]
    value = parse_number(text_num.replace("多", "").replace("余", ""))
    # a small Chinese count is a list (十三个方面, 五个稳); a large or hedged one is a figure (一千二百余家)
    listing = row is None or row[2] and value < 100 and not approx
    if chinese and not m.group("scale") and not _bare(m) and listing:
        return None
    if unit_form == "成":
        value *= 10  # tenths: 一成 is 10 per cent
    elif value <= 1 and chinese:
        return None
    return Figure(s, e, value, row[1] if row else None, bool(row and row[2]), post)


def _hedge_before(text: str, pos: int) -> str | None:
    """The qualifier word right before ``pos`` (超过, 近, 约 …), ignoring 了/都/已经."""
    head = re.sub(r"(?:了|都|均|已经|已)+$", "", text[max(0, pos - 8):pos])
    return next((q for w, q in qualifiers("before") if head.endswith(w)), None)


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in text[start:end] that can carry a metric."""
    out = []
    for m in _figure_re().finditer(text, start, len(text) if end is None else end):
        if m.end() > m.start():
            fig = _figure(text, m)
            if fig:
                out.append(fig)
    for i in range(len(out) - 2, -1, -1):  # 0.3个、0.5个和0.6个百分点: each 个 is short for 个百分点
        fig, nxt = out[i], out[i + 1]
        if fig.unit == "个" and nxt.unit == "百分点" and text[fig.end:nxt.start] in _RANGE_JOINERS:
            out[i] = replace(fig, unit="百分点", count=False)
    return out


# ---------------------------------------------------------------- context


@dataclass
class _Context:
    """What the stage knows about the document while it reads one sentence."""

    a: Analysis
    times: list[TimeExpr]
    paragraphs: list[tuple[int, int]]
    frames: list[int | None]

    @property
    def text(self) -> str:
        return self.a.doc.norm

    @cached_property
    def _starts(self) -> tuple[list[int], list[int]]:
        """Starts of the paragraphs and of the time words, for bisection."""
        return [s for s, _ in self.paragraphs], [t.start for t in self.times]

    def paragraph(self, pos: int) -> int:
        """The paragraph holding ``pos``, or the last one when none does."""
        i = bisect_right(self._starts[0], pos) - 1
        return i if i >= 0 and pos < self.paragraphs[i][1] else len(self.paragraphs) - 1

    def times_between(self, start: int, end: int) -> list[TimeExpr]:
        """The time words starting in [start, end), by bisection over their starts."""
        starts = self._starts[1]
        return self.times[bisect_left(starts, start):bisect_left(starts, end)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _frames(text: str, paragraphs: list[tuple[int, int]], times: list[TimeExpr]) -> list[int | None]:
    """The year each paragraph speaks of by its surroundings: a question (记者：…2023年…) or a
    lead such as “2022年是…的一年” sets it; a heading, 下一步 or another year ends it."""
    frames, frame = [], None
    for ps, pe in paragraphs:
        line = text[ps:pe].strip()
        first = re.split(r"[。！？?]", line, maxsplit=1)[0]
        body = _SPEAKER.sub("", first)
        years = [t.year for t in times if ps <= t.start < ps + len(first) + 1 and t.year and not t.comparison]
        if line.startswith("#") or not re.search(r"[。！？?；，]", line):
            frame = None
        elif re.match(r"(?:记者|问)[：:]", line):
            frame = years[0] if years else None
        elif body.startswith("下一步"):
            frame = None
        elif _FRAME.search(body):
            frame = int(_FRAME.search(body).group(1))
        elif _SUMMARY.search(line):  # 总结2023年…工作: a work conference's review speaks of that year
            frame = int(_SUMMARY.search(line).group(1))
        elif years and years[0] != frame:
            frame = None
        frames.append(frame)
    return frames


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last comma-like mark, skipping （…）."""
    depth = 0
    for i in range(pos - 1, lo - 1, -1):
        c = text[i]
        if c in "）)":
            depth += 1
        elif c in "（(":
            depth = max(0, depth - 1)
        elif depth == 0 and c in _DELIMS:
            return i + 1
    return lo


def _is_topic(text: str, t: TimeExpr, sent_start: int) -> bool:
    """A time word opening its clause (2022年，… / 力争到2023年年底，…) frames what follows."""
    cs = _clause_start(text, sent_start, t.start)
    return bool(_TOPIC_LEAD.match(text[cs:t.start]))


def _earlier_times(ctx: _Context, sent_start: int) -> list[TimeExpr]:
    """The time words of the paragraph before this sentence that can frame it (no comparison
    bases such as 比上年, no 目前)."""
    ps = ctx.paragraphs[ctx.paragraph(sent_start)][0]
    return [t for t in ctx.times_between(ps, sent_start) if not t.comparison and t.kind != "clear"]


def _paragraph_year(ctx: _Context, sent_start: int) -> int | None:
    """A year opening an earlier sentence of the paragraph, if the paragraph names no other year."""
    p = ctx.paragraph(sent_start)
    earlier = _earlier_times(ctx, sent_start)
    years = {t.year for t in earlier if t.year}
    topics = [t for t in earlier if t.kind in ("year", "full_year") and _opens(ctx, t)]
    if not topics:
        return None
    year = next((t.year for t in reversed(topics) if t.year), None) or ctx.frames[p]  # 2023年，…。全年…
    return year if year and years <= {year} else None


def _paragraph_range(ctx: _Context, sent_start: int) -> TimeExpr | None:
    """A part of the year opening an earlier sentence of the paragraph (前三季度，…) frames the
    figures after it, until another time word comes. (A cut-off date, 截至9月底, does not: the
    seeds' figures after one are standing totals.)"""
    earlier = _earlier_times(ctx, sent_start)
    if earlier and earlier[-1].kind == "range" and _opens(ctx, earlier[-1]):
        return earlier[-1]
    return None


def _opens(ctx: _Context, t: TimeExpr) -> bool:
    """A time word that frames a whole paragraph: it opens its sentence or stands alone (2022年，)."""
    sent_start = ctx.a.sentence_of(t.start)[0]
    if not _is_topic(ctx.text, t, sent_start):
        return False
    return ctx.text.startswith(("，", ","), t.end) or not ctx.text[sent_start:t.start].strip("●• ")


def _after_full_stop(text: str, pos: int, lo: int) -> int:
    """Start of the sentence holding ``pos`` when only 。！？ and line ends stop it (not ；), no
    further back than ``lo`` (its paragraph's start)."""
    return max(lo, max(text.rfind(c, lo, pos) for c in "。！？!?\n") + 1)


def _period(ctx: _Context, sent: tuple[int, int], clause: int, fig: Figure, measure: str | None) -> str | None:
    """The figure's period: its clause's time word, else the sentence's, paragraph's or frame's year.
    A part of the year carries over to later sentences, but not to shares: a share stated
    after it (中小企业贡献了50%以上的税收) is a standing fact, not that quarter's figure."""
    text = ctx.text
    p = ctx.paragraph(sent[0])
    context_year = _paragraph_year(ctx, sent[0]) or ctx.frames[p]
    own = [t for t in ctx.times_between(clause, fig.start) if t.end <= fig.start and not t.comparison]
    whole = _after_full_stop(text, sent[0], ctx.paragraphs[p][0])  # 11月乘用车…；商用车…: a time word before ； frames what follows
    topics = [t for t in ctx.times_between(whole, clause) if not t.comparison and _is_topic(text, t, whole)]
    chosen = own[-1] if own else topics[-1] if topics else _paragraph_range(ctx, sent[0]) if measure != "占比" else None
    if chosen is None:
        return str(context_year) if context_year else None
    if chosen.kind == "clear":
        return None
    if chosen.kind == "span" and chosen.year:
        lead = text[clause:fig.start]
        first, last = chosen.period.split("/")
        if lead.endswith("从"):
            return first
        if lead.endswith(("到", "至")):
            return last
    return resolve(chosen, context_year or ctx.a.doc.year).period


# ---------------------------------------------------------------- fields


def _strip(phrase: str) -> str:
    """The measured thing in a phrase: no time words, comparisons, hedges or verbs around it."""
    phrase = re.sub(r"（[^）]*）|\([^)]*\)", "", phrase)
    phrase = _COMPARE.sub("", phrase)
    for t in sorted(find_times(phrase), key=lambda t: -t.start):
        phrase = phrase[:t.start] + phrase[t.end:]
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = _LEAD.sub("", phrase)
        phrase = _TAIL.sub("", phrase)
        for word, _ in qualifiers("before"):
            if phrase.endswith(word):
                phrase = phrase[: -len(word)]
        for word, _ in measures():
            if phrase.endswith(word) and not word.endswith(("速", "幅")):
                phrase = phrase[: -len(word)]
                break
    return phrase.strip("，、“”\" ")


def _measure(ctx: _Context, sent: tuple[int, int], clause: int, fig: Figure, head: str, noun: str) -> str | None:
    """同比增长/下降, 增长/下降 from the words next to the figure; else 占比, 目标, 预测 or 累计."""
    text = ctx.text
    lead = re.sub(r"(?:了|分别|都|均|已经|已)", "", text[clause:fig.start])
    lead = lead[: len(lead) - len(next((w for w, _ in qualifiers("before") if lead.endswith(w)), ""))]
    lead = re.sub(r"(?:了|分别|都|均|平均)+$", "", lead)
    if not lead and not noun and clause > sent[0]:  # 都是两位数增长，高于10%: the change is named a clause earlier
        lead = text[sent[0]:clause - 1]
    for word, measure in measures():
        if lead.endswith(word):
            return measure
    if re.match(r"的?正?增长", text[fig.end:fig.end + 4]):
        return "增长"
    if fig.unit == "%" and (re.search(r"占|比重|比例|渗透率|普及率|覆盖率|(?<!增长)率$", head) or noun or lead.endswith("的")):
        return "占比"
    before = text[sent[0]:fig.start]
    for word, measure in measure_cues():
        if measure != "累计" and word in before:
            return measure
    if _PLANNED.search(text[clause:fig.start]):
        return "目标"
    if "累计" in text[_clause_start(text, sent[0], clause):fig.start] or _ACCUMULATED.search(text[clause:fig.start]):
        return "累计"
    return None


def _qualifier(ctx: _Context, sent: tuple[int, int], fig: Figure, measure: str | None) -> str | None:
    if fig.qualifier:
        return fig.qualifier
    if measure is None and "预计" in ctx.text[sent[0]:fig.start]:
        return "预计"
    return _hedge_before(ctx.text, fig.start)


def _noun_after(text: str, fig: Figure, stop: int, headless: bool) -> tuple[str, int]:
    """The counted thing after a count unit (18家|国家制造业创新中心), after 的 (50%以上的|税收), or
    after any figure that has nothing before it (全国已有5.8亿吨|粗钢产能完成…改造)."""
    pos = fig.end
    if text.startswith("（", pos):
        pos = text.find("）", pos) + 1 or pos
    if not (fig.count or text.startswith("的", pos) or fig.half or headless):
        return "", fig.end
    end = pos
    while end < stop and text[end] not in _DELIMS:
        end += 1
    raw = text[pos:end]
    if end == stop:  # another figure follows in the clause: the noun ends at 、 or 中 (97个大类中一半)
        raw = re.sub(r"中$", "", re.split(r"[、和]", raw)[0])
    raw = re.split(r"(?:当中有|中有|(?:19|20)\d{2}年)", raw)[0].rstrip("等")
    noun = re.sub(r"^的", "", raw)
    if re.fullmatch(r"正?增长", noun):
        return "", fig.end
    return noun, pos + len(raw)


# The country the reports speak of (我国, 全国) is the frame of a national figure, not its subject.
_NATIONAL = frozenset({"中国", "我国", "全国", "中华人民共和国"})


def _mentions_in(ctx: _Context, start: int, end: int) -> list[Mention]:
    """The subjects inside [start, end); the mentions stage left them sorted by start, so a long
    document costs a bisection per question, not a scan."""
    mentions = ctx.a.mentions
    lo = bisect_left(mentions, start, key=lambda m: m.start)
    hi = bisect_left(mentions, end, lo=lo, key=lambda m: m.start)
    return [m for m in mentions[lo:hi] if m.type in _SUBJECT_TYPES and m.end <= end
            and (m.canonical or m.text) not in _NATIONAL]


# ---------------------------------------------------------------- sentences


@dataclass
class _Draft:
    """A metric being assembled: head (before the figure) and noun (after it) make the indicator."""

    fig: Figure
    anchor: int  # where the words governing the figure end: the first figure of its group
    start: int
    end: int
    head: str
    noun: str
    unit: str | None
    subject: Mention | None = None
    inherited: bool = False

    @property
    def indicator(self) -> str:
        return self.head + self.noun


def _groups(text: str, figs: list[Figure]) -> list[list[Figure]]:
    """Figures of one unit joined by 和/、 alone (958.7万辆和949.5万辆) form one coordinated group."""
    groups: list[list[Figure]] = []
    for fig in figs:
        prev = groups[-1][-1] if groups else None
        if prev and text[prev.end:fig.start] in _JOINER and prev.unit == fig.unit:
            groups[-1].append(fig)
        else:
            groups.append([fig])
    return groups


def _split_heads(head: str, n: int) -> list[str] | None:
    """产销分别 → 产量, 销量: one head per figure of a coordinated group, when the head says so."""
    for pair, parts in _SPLIT_PAIRS.items():
        if pair in head and len(parts) == n:
            stem = head.split(pair)[0]
            return [stem + p for p in parts]
    items = re.split(r"[和、]", head)
    if len(items) != n or not all(items):
        return None
    kind = _SHARED_KIND.search(items[-1])  # 钢铁、建材行业: each item is a 行业 (农村、城市: no kind)
    if kind and kind.start() >= 2 and not any(_SHARED_KIND.search(item) for item in items[:-1]):
        items = [item + kind.group() for item in items[:-1]] + items[-1:]
    return items


def _shared_measure(ctx: _Context, heads: list[str], sent: tuple[int, int]) -> list[str]:
    """Listed subjects before one measure (龙南经济技术开发区、信丰县稀土相关产业产值分别增长…): the
    measure after the last subject is each subject's."""
    names = sorted({m.text for m in _mentions_in(ctx, *sent)}, key=len, reverse=True)
    last = heads[-1]
    lead = next((n for n in names if last.startswith(n) and len(n) < len(last)), None)
    if lead is None or not all(h in names for h in heads[:-1]):
        return heads
    return [h + last[len(lead):] for h in heads[:-1]] + [last]


def _opening(ctx: _Context, head: str, sent: tuple[int, int]) -> Mention | None:
    """The subject a listed head opens with (龙南经济技术开发区|稀土相关产业产值)."""
    return max((m for m in _mentions_in(ctx, *sent) if head.startswith(m.text)), key=lambda m: len(m.text), default=None)


def _per_unit(raw: str, unit: str | None) -> tuple[str, str | None]:
    """每公斤360瓦时 → unit 瓦时/公斤, and the 每公斤 leaves the indicator."""
    m = re.search(r"每(公斤|千克|吨|人|小时|平方米|台|户)$", raw)
    if m and unit:
        return raw[: m.start()], f"{unit}/{m.group(1)}"
    return raw, unit


def _sentence(ctx: _Context, sent: tuple[int, int]) -> list[_Draft]:
    """Every metric of one sentence, in reading order."""
    text = ctx.text
    figs = find_figures(text, *sent)
    drafts: list[_Draft] = []
    last_end = sent[0]
    for group in _groups(text, figs):
        first = group[0]
        clause = max(_clause_start(text, sent[0], first.start), last_end)
        raw, unit = _per_unit(text[clause:first.start], first.unit)
        partitive = bool(drafts) and clause == last_end and re.fullmatch(r"(?:当中有|中有|中)", raw) is not None
        head = drafts[-1].noun if partitive else _strip(raw)
        start = clause + len(raw) - len(raw.lstrip("、，● "))
        heads = _split_heads(head, len(group)) if len(group) > 1 else None
        if heads:
            heads = _shared_measure(ctx, heads, sent)
        for k, fig in enumerate(group):
            stop = group[k + 1].start if k + 1 < len(group) else next((f.start for f in figs if f.start > fig.start), sent[1])
            noun, end = _noun_after(text, fig, stop, not (heads[k] if heads else head))
            d = _Draft(fig, first.start, start, max(end, fig.end), heads[k] if heads else head, noun,
                       unit if fig.unit == first.unit else fig.unit, _opening(ctx, heads[k], sent) if heads else None)
            _inherit(ctx, d, drafts, group, k, sent, clause)
            drafts.append(d)
            last_end = d.end
        last_end = max(last_end, group[-1].end)
    return drafts


def _topic_clause(ctx: _Context, sent: tuple[int, int], clause: int) -> tuple[int, str]:
    """The nearest earlier clause without figures (十大重点行业基本盘稳固，…): what it is about."""
    text = ctx.text
    for m in reversed(list(re.finditer(r"[^，,；;：:]+", text[sent[0]:clause]))):
        part = m.group()
        if not find_figures(part) and not re.match(r"^(?:从|据|另据|在).*(?:来看|显示|方面)$", part):
            return sent[0] + m.start(), _strip(part)
    return clause, ""


def _inherit(ctx: _Context, d: _Draft, drafts: list[_Draft], group: list[Figure], k: int,
             sent: tuple[int, int], clause: int) -> None:
    """Fill a head the clause leaves empty or relational (同比增长…, 占…比重) from what came before."""
    compared_rate = _COMPARED_RATE.match(d.head) is not None  # 增速比上半年加快: the rate of what came before
    relational = (not d.head and not d.noun) or d.head.startswith(_RELATIONAL) or compared_rate
    if relational and drafts:
        n = len(group)
        earlier = [x for x in drafts if x.fig.end <= group[0].start]
        prev_group = earlier[-n:] if n > 1 else earlier[-1:]
        base = prev_group[k] if len(prev_group) == n else drafts[-1]
        own = d.head if d.head.startswith("占") or compared_rate else ""
        d.head = (base.head if d.noun else base.indicator) + own
        d.subject = base.subject
        d.inherited = True
    partitive = not relational and bool(drafts) and _PARTITIVE.match(ctx.text, clause) is not None
    part = _part_named(ctx, d.head, sent) if partitive else None
    if part or partitive and d.head in lexicon.industries():
        d.subject = part or d.subject
        base = next((x for x in reversed(drafts) if x.fig.end <= group[0].start), None)
        whole = base.indicator if base else ""
        if base and base.subject and whole.startswith(base.subject.text):
            whole = whole[len(base.subject.text):]
        whole = _WHOLE.sub("", whole)
        if whole and d.head not in whole:  # 其中钢铁、建材行业分别下降4.1%…: 钢铁行业单位增加值能耗
            d.head += whole
            d.inherited = True
    if d.fig.count and not d.noun and re.search(r"(?:领域|方面|类|行业|地区|省|市)$", d.head):
        donor = next((x for x in reversed(drafts) if x.unit == d.unit and x.noun), None)
        d.noun = donor.noun if donor else ""
    subjects = _mentions_in(ctx, d.start, d.fig.start) or _mentions_in(ctx, sent[0], d.fig.start)
    if d.subject is None and subjects:
        d.subject = subjects[-1]
    if len(d.indicator) <= 4 and not d.inherited:
        start, topic = _topic_clause(ctx, sent, clause)
        prefix = d.subject.text if d.subject else topic
        if prefix and prefix not in d.indicator:
            d.head = prefix + d.head
            if not d.subject:
                d.start = min(d.start, start)


_SHARED_KIND = re.compile(r"(?:行业|产业|领域|企业|省|市)$")
_PARTITIVE = re.compile(r"[\s，,]*其中")
_WHOLE = re.compile(r"^(?:规模以上工业|全行业|全国|全省|全市)")  # the whole a part is taken from


def _part_named(ctx: _Context, head: str, sent: tuple[int, int]) -> Mention | None:
    """The industry, place or body of the sentence that a head names and nothing more (其中|钢铁行业|下降…:
    the mention 钢铁 or 钢铁行业)."""
    bare = _SHARED_KIND.sub("", head)
    return next((m for m in _mentions_in(ctx, *sent) if head in (m.text, m.canonical) or bare == m.text), None)


# The class a list belongs to (江苏、山东等|省份): the subject says which one, the indicator what.
_CATEGORY = re.compile(r"^(?:省份|省市|省区|省辖市|地级市|地市|区县|地区|城市|园区|行业|企业|产品|国家)")


_AFTER_LIST = re.compile(r"([\u4e00-\u9fff]{2,20}?)(?=实现|都|均|增长|同比|[，,])")


def _coordinated(ctx: _Context, d: _Draft, sentence_start: int) -> list[_Draft]:
    """江苏、山东、安徽等省份增速都超过7%: one metric per listed subject."""
    text = ctx.text
    source = text[d.start:d.fig.start]
    m = _COORDINATED.search(source)
    if not m:  # 汽车、化工等行业投资都是两位数增长，|高于10%: the list stands in an earlier clause
        wider = text[sentence_start:d.fig.start]
        m = _COORDINATED.search(wider)
        if m and find_figures(text, sentence_start + m.end(), d.fig.start):
            m = None  # the list has its own figure (…等省份增速都超过7%，…六成以上)
        if m:
            source = wider
            d = replace(d, start=sentence_start)
    if not m or not re.search(r"(?<!平)[都均]", source[m.end():]):
        return [d]
    out = []
    for item in m.group(1).split("、"):
        pos = d.start + m.start(1) + m.group(1).find(item)
        subject = next(iter(_mentions_in(ctx, pos, pos + len(item))), None)
        what = _AFTER_LIST.match(source, m.end())  # …等|省份增速|都超过, …等|行业投资|都是
        rest = _CATEGORY.sub("", what.group(1)) if what else ""
        head = rest if len(rest) >= 2 else item + d.head
        out.append(replace(d, head=head, subject=subject or d.subject))
    return out


def _metric(ctx: _Context, d: _Draft, sent: tuple[int, int]) -> MetricMention | None:
    text = ctx.text
    indicator = _strip(d.indicator) or d.indicator
    if not indicator:
        return None
    anchor = Figure(d.anchor, d.fig.end, d.fig.value, d.fig.unit, d.fig.count, d.fig.qualifier, d.fig.half)
    clause = max(_clause_start(text, sent[0], d.anchor), sent[0])
    measure = _measure(ctx, sent, clause, anchor, d.head, d.noun)
    return MetricMention(
        indicator=indicator, value=d.fig.value, unit=d.unit, start=min(d.start, d.fig.start), end=d.end,
        measure=measure, period=_period(ctx, sent, clause, anchor, measure),
        qualifier=_qualifier(ctx, sent, anchor, measure), subject=d.subject)


# ---------------------------------------------------------------- stage


def _similar(a: MetricMention, b: MetricMention) -> bool:
    """Two indicators naming the same thing: most characters of the shorter occur in the longer.

    A precise figure (3377000) restated is almost surely the same fact, so it needs less
    agreement than a round one (10%), which many different things share.
    """
    short, long_ = sorted((set(a.indicator), set(b.indicator)), key=len)
    digits = len(format(a.value.normalize(), "f").replace(".", "").strip("0"))
    need = 0.5 if digits >= 3 else 0.6 if digits == 2 else 0.8
    return bool(short) and len(short & long_) / len(short) >= need


def _dedupe(ctx: _Context, metrics: list[MetricMention]) -> list[MetricMention]:
    """A figure restated later (summaries, repeated pages, 经过…突破了3000万辆) is one metric."""
    kept: list[MetricMention] = []
    for m in metrics:
        sent = ctx.a.sentence_of(m.start)
        same = next((k for k in kept if k.value == m.value and k.unit == m.unit
                     and ctx.a.sentence_of(k.start) != sent
                     and (k.subject and k.subject.text) == (m.subject and m.subject.text)
                     and (_similar(k, m) or ctx.paragraph(k.start) == ctx.paragraph(m.start))), None)
        if same is None:
            kept.append(m)
        elif same.period is None:
            same.period = m.period
    return kept


def metrics_stage(a: Analysis) -> None:
    """Append every metric the document states to ``a.metrics``."""
    text = a.doc.norm
    times = find_times(text, a.doc.year)
    paragraphs = _paragraphs(text)
    ctx = _Context(a, times, paragraphs, _frames(text, paragraphs, times))
    found: list[MetricMention] = []
    for sent in a.sentences or [(0, len(text))]:
        for draft in _sentence(ctx, sent):
            for d in _coordinated(ctx, draft, sent[0]):
                metric = _metric(ctx, d, sent)
                if metric:
                    found.append(metric)
    a.metrics.extend(_dedupe(ctx, found))
