"""The statistical names stage: what the CRF may add, and that its training is deterministic."""
from __future__ import annotations

from kg import train_tagger
from kg.extract import tag_filter
from kg.extract.tagged import is_policy_prose, tagged_stage
from kg.model import Analysis, Document
from kg.pipeline import STAGES, run

_BEFORE_TAGGED = tuple(s for s in STAGES[:[s.name for s in STAGES].index("tagged")])


def _rules_then_tagger(text: str) -> tuple[list, list]:
    """The rule mentions of ``text`` and the ones the tagged stage adds after them."""
    a = run(Analysis(Document("x.txt", text, "0")), _BEFORE_TAGGED)
    rules = list(a.mentions)
    tagged_stage(a)
    return rules, a.mentions[len(rules):]


def test_finds_an_uncued_person():
    _, added = _rules_then_tagger("据悉，范佩西昨天在训练中受伤。")
    assert [(m.type, m.text) for m in added] == [("Person", "范佩西")]


def test_finds_a_bank_short_form():
    _, added = _rules_then_tagger("招行表示，年底前将在成都开设分中心。")
    assert ("Organization", "招行") in {(m.type, m.text) for m in added}


def test_never_adds_a_name_crossing_a_rule_mention():
    text = "托蒂在罗马主场梅开二度，帮助球队2比0击败拉齐奥，曼联主帅弗格森和阿森纳的温格在看台上。"
    rules, added = _rules_then_tagger(text)
    assert added
    for m in added:
        assert all(m.end <= r.start or r.end <= m.start for r in rules if r.type != "Industry"), m.text


def test_policy_prose_gets_no_tagged_names():
    text = "加快发展新能源汽车、工业互联网、人工智能、集成电路和物联网产业，推动智能化改造。" * 3
    a = run(Analysis(Document("x.txt", text, "0")), _BEFORE_TAGGED)
    assert is_policy_prose(a)
    n = len(a.mentions)
    tagged_stage(a)
    assert len(a.mentions) == n


def test_filter_refuses_half_words_clauses_and_common_words():
    words = [("深化", "v", 0), ("产业", "n", 2), ("合作", "vn", 4), ("技术", "n", 6), ("水平", "n", 8)]
    text = "深化产业合作技术水平"
    assert not tag_filter.plausible(text, words, 0, 3, "O", 0.9)  # 深化产: cuts a word
    assert not tag_filter.plausible(text, words, 0, 6, "O", 0.9)  # 深化产业合作: led by a verb
    assert not tag_filter.plausible(text, words, 6, 10, "L", 0.99)  # 技术水平: common words
    assert not tag_filter.plausible("张总来了", [("张总", "nr", 0), ("来", "v", 2), ("了", "ul", 3)], 0, 2, "P", 0.99)


def test_filter_trusts_a_sure_model_over_jiebas_cuts_and_tags():
    words = [("莫", "d", 0), ("陆军", "nr", 1), ("拿到", "v", 3)]
    assert tag_filter.plausible("莫陆军拿到", words, 0, 3, "O", 0.97)  # 莫|陆军: a club, 莫 no adverb here
    assert not tag_filter.plausible("莫陆军拿到", words, 0, 3, "O", 0.9)
    cut = [("周正", "nr", 0), ("龙案", "n", 2), ("开庭", "v", 4)]  # the name's edge falls inside 龙案
    assert tag_filter.plausible("周正龙案开庭", cut, 0, 3, "P", 0.99)
    assert not tag_filter.plausible("周正龙案开庭", cut, 0, 3, "P", 0.9)


def test_filter_refuses_sights_as_places():
    assert not tag_filter.plausible("塞班岛", [("塞班岛", "ns", 0)], 0, 3, "L", 0.99)
    assert not tag_filter.plausible("卡尔纳克神庙", [("卡尔纳克", "nr", 0), ("神庙", "n", 4)], 0, 6, "L", 0.99)
    assert tag_filter.plausible("天通苑", [("天通苑", "ns", 0)], 0, 3, "L", 0.99)


def test_filter_refuses_a_known_word_jieba_holds_for_another_kind_of_name():
    assert not tag_filter.plausible("玉米的成交量", [("玉米", "nr", 0)], 0, 2, "L", 0.99)
    assert not tag_filter.plausible("尼罗河畔", [("尼罗河", "ns", 0)], 0, 3, "P", 0.99)
    assert tag_filter.plausible("孔子说", [("孔子", "nr", 0)], 0, 2, "P", 0.99)


def test_filter_keeps_dotted_names_and_bodies_jieba_calls_common_nouns():
    dotted = [("哈莉", "nr", 0), ("·", "x", 2), ("贝丽", "nr", 3)]
    assert tag_filter.plausible("哈莉·贝丽", dotted, 0, 5, "P", 0.99)
    assert tag_filter.plausible("人民网", [("人民网", "n", 0)], 0, 3, "O", 0.99)
    assert not tag_filter.plausible("技术水平", [("技术", "n", 0), ("水平", "n", 2)], 0, 4, "L", 0.99)
    assert not tag_filter.plausible("技术水平", [("技术", "n", 0), ("水平", "n", 2)], 0, 4, "O", 0.99)


def test_training_is_deterministic(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "[[托蒂|P]]在[[罗马|O]]主场梅开二度。\n记者从[[北京市住建委|O]]获悉，[[朝阳区|L]]将新建保障房。\n"
        "[[招商银行|O]]总经理[[刘建军|P]]表示，将在[[成都|L]]开设分中心。\n公司董事会同意聘任其为副总经理。\n",
        encoding="utf-8")
    first, second = tmp_path / "1.crfsuite", tmp_path / "2.crfsuite"
    assert train_tagger.train(corpus, first) == 4 + 3  # and a name-swapped copy of each marked line
    train_tagger.train(corpus, second)
    assert first.read_bytes() == second.read_bytes()
    assert train_tagger.digest_path(first).read_text().strip() == train_tagger.inputs_digest(corpus)


def test_swapped_copies_keep_the_contexts_and_types():
    lines = ["[[托蒂|P]]在[[罗马|O]]主场进球。", "[[刘建军|P]]在[[成都|L]]表示。", "没有名字。"]
    copies = train_tagger.swapped(lines, copies=2)
    assert copies == train_tagger.swapped(lines, copies=2) and len(copies) == 4
    for copy in copies:
        text, spans = train_tagger.parse_marked(copy)
        assert [kind for _, _, kind in spans] in (["P", "O"], ["P", "L"])
        assert text[spans[0][1]:spans[1][0]] == "在"
        assert text[spans[0][0]:spans[0][1]] in {"托蒂", "刘建军"}


def test_parse_marked_gives_plain_text_and_spans():
    text, spans = train_tagger.parse_marked("[[托蒂|P]]在[[罗马|O]]进球")
    assert text == "托蒂在罗马进球" and spans == [(0, 2, "P"), (3, 5, "O")]


def test_the_shipped_model_is_what_the_corpus_trains():
    """A lexicon, feature or corpus change without retraining leaves a stale model: the digest
    of what training reads must equal the one written when the shipped model was trained
    (retrain with python -m kg.train_tagger). Training itself is deterministic (test above)."""
    from importlib import resources

    shipped = resources.files("kg.resources").joinpath("names.inputs").read_text(encoding="utf-8").strip()
    assert train_tagger.inputs_digest(train_tagger.DEFAULT_CORPUS) == shipped
