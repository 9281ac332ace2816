"""GraphML: reads back with networkx as the same graph, no nulls, stable bytes."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

import sample_graph
from kg.iris import entity_iri, metric_iri
from kg.writers.graphml import to_networkx, write_graphml


def _read(path: Path) -> nx.MultiDiGraph:
    return nx.read_graphml(path, force_multigraph=True)


def test_graphml_reads_back_same_graph(tmp_path: Path) -> None:
    g = to_networkx(sample_graph.build())
    write_graphml(sample_graph.build(), tmp_path / "kg.graphml")
    back = _read(tmp_path / "kg.graphml")
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    edges = sorted(g.edges(keys=True, data=True), key=repr)
    assert sorted(back.edges(keys=True, data=True), key=repr) == edges


def test_graphml_node_and_edge_attributes() -> None:
    kg = sample_graph.build()
    g = to_networkx(kg)
    org = g.nodes[str(entity_iri("Organization/工业和信息化部"))]
    assert org == {"type": "Organization", "subtype": "GovernmentBody", "label": "工业和信息化部",
                   "aliases": "工信部", "mentions": 3}
    metric = g.nodes[str(metric_iri("新能源汽车产量/2023"))]
    assert metric["type"] == "Metric" and metric["value"] == "9587000" and metric["unit"] == "辆"
    edge = g.get_edge_data(str(entity_iri("Person/金壮龙")), str(entity_iri("Organization/工业和信息化部")))
    s = sample_graph.sentence(0)
    assert edge == {"holds_post": {"predicate": "holds_post", "roles": "部长",
                                   "evidence": f"{s.doc}:{s.start}-{s.end}"}}
    about = g.get_edge_data(str(metric_iri("新能源汽车产量/2023")), str(entity_iri("Industry/新能源汽车")))
    assert about == {"about": {"predicate": "about"}}
    assert g.number_of_edges() == len(kg.relations) + 1


def test_graphml_metric_value_keeps_precision(tmp_path: Path) -> None:
    write_graphml(sample_graph.build(), tmp_path / "kg.graphml")
    back = _read(tmp_path / "kg.graphml")
    assert back.nodes[str(metric_iri('工业增加值 增长 4.60% #"q"'))]["value"] == "4.60"


def test_graphml_has_no_null_attributes() -> None:
    g = to_networkx(sample_graph.build())
    values = [v for _, d in g.nodes(data=True) for v in d.values()]
    values += [v for *_, d in g.edges(keys=True, data=True) for v in d.values()]
    assert None not in values and "" not in values
    assert "subtype" not in g.nodes[str(entity_iri("Person/金壮龙"))]


def test_graphml_write_is_byte_identical(tmp_path: Path) -> None:
    write_graphml(sample_graph.build(), tmp_path / "a.graphml")
    write_graphml(sample_graph.build(), tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.graphml", "b.graphml"]
