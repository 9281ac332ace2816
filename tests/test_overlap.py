"""Settling mentions: crossing spans lose, places and trades inside a name are not mentions."""
from kg.extract.overlap import drop_nested_places, settle
from kg.model import Mention


def test_place_inside_an_organisation_is_not_a_mention():
    org = Mention("Organization", "浙江大学", 0, 4)
    place = Mention("Location", "浙江", 0, 2)
    alone = Mention("Location", "浙江", 10, 12)
    assert drop_nested_places([org, place, alone]) == [org, alone]


def test_industry_inside_a_policy_stays_for_targets():
    policy = Mention("Policy", "新能源汽车产业发展规划", 0, 11)
    industry = Mention("Industry", "新能源汽车", 0, 5)
    assert drop_nested_places([policy, industry]) == [policy, industry]


def test_a_trade_inside_a_government_department_s_name_is_not_a_mention():
    body = Mention("Organization", "信息通信发展司", 0, 7, "GovernmentBody")
    assert drop_nested_places([body, Mention("Industry", "信息通信", 0, 4)]) == [body]


def test_a_vehicle_class_with_its_output_is_an_industry():
    from kg.model import Analysis, Document
    from kg.pipeline import run

    a = run(Analysis(Document("x.txt", "11月乘用车产销分别完成301.5万辆和298.3万辆，商用车市场回暖。", "0")))
    assert {m.text for m in a.mentions if m.type == "Industry"} == {"乘用车"}


def test_crossing_spans_keep_the_longer():
    a, b = Mention("Organization", "中国电子报社", 0, 6), Mention("Location", "报社区", 4, 7)
    assert settle([b, a]) == [a]


def test_addresses_are_found_by_their_suffix():
    from kg.model import Analysis, Document
    from kg.pipeline import run

    a = run(Analysis(Document("x.txt", "郑阿姨就赶到文汇路排队拿钱，走高质量发展道路。", "0")))
    places = {m.text for m in a.mentions if m.type == "Location"}
    assert "文汇路" in places and not any("道路" in p for p in places)


def test_nationality_is_not_a_place_and_a_body_keeps_its_jurisdiction():
    from kg.extract.overlap import drop_nationalities

    text = "中国国籍，无境外永久居留权"
    assert drop_nationalities([Mention("Location", "中国", 0, 2)], text) == []
    body = Mention("Organization", "西藏自治区通信管理局", 0, 10, "GovernmentBody")
    place = Mention("Location", "西藏自治区", 0, 5)
    assert drop_nested_places([body, place]) == [body, place]


def test_settle_keeps_nesting_and_drops_every_crossing_span():
    """Random spans: the result has no two crossing spans, and every dropped span crosses a
    kept one at least as long (or repeats a kept span), as the longest-first rule says."""
    import random

    rng = random.Random(7)
    spans = {(s, s + rng.randint(1, 12)) for s in (rng.randrange(200) for _ in range(400))}
    mentions = [Mention("Organization", "x" * (e - s), s, e) for s, e in sorted(spans)]
    kept = settle(mentions)

    def cross(a, b):
        return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end

    assert not any(cross(a, b) for a in kept for b in kept)
    kept_spans = {(m.start, m.end) for m in kept}
    for m in mentions:
        if (m.start, m.end) not in kept_spans:
            assert any(cross(m, k) and k.end - k.start >= m.end - m.start for k in kept)
    assert any(k.start <= o.start and o.end <= k.end and k is not o for k in kept for o in kept)
