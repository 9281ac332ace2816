"""Exports: every format reads back as the graph it was written from, byte-stable; the
property-graph mapping; the neo4j-admin CSV header format; ``kg export`` on the command line."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, SKOS, XSD

import sample_graph
from kg.iris import entity_iri, graph_iri, metric_iri
from kg.ontology import KGO, OA
from kg.property_graph import ABOUT, CLASS_LABELS, NODE_PROPERTIES, RELATION_PROPERTIES, edges, nodes
from kg.store import load_graph, open_store
from kg.writers.cypher import identifier, literal
from kg.writers.cypher import statements as kg_statements
from kg.writers.graphml import to_networkx
from kg.writers.jsonld import context
from kg.writers.neo4j_csv import ARRAY_DELIMITER, FILES, IMPORT_SCRIPT
from kg.writers.registry import FORMATS

ROOT = Path(__file__).resolve().parent.parent
MERGED = ("turtle", "ntriples", "jsonld")
PER_DOCUMENT = ("trig", "nquads")


@pytest.fixture(scope="module")
def seeds_kg(seeds_out: Path):
    return load_graph(seeds_out)


@pytest.fixture(scope="module")
def store_graphs(seeds_out: Path) -> dict[URIRef | None, Graph]:
    """The local store's graphs as rdflib sees them: None for the default (merged) graph."""
    from pyoxigraph import DefaultGraph, RdfFormat

    store = open_store(seeds_out)
    found = {}
    for name in [None, *store.named_graphs()]:
        data = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph() if name is None else name)
        found[None if name is None else URIRef(name.value)] = Graph().parse(data=data, format="nt")
    return found


@pytest.mark.parametrize("name", MERGED)
def test_export_merged_rdf_is_isomorphic_to_the_store(name, seeds_kg, store_graphs, tmp_path: Path) -> None:
    back = FORMATS[name].read(FORMATS[name].write(seeds_kg, tmp_path / FORMATS[name].filename))
    assert len(back) == len(store_graphs[None]) > 20_000
    assert isomorphic(back, store_graphs[None])


@pytest.mark.parametrize("name", PER_DOCUMENT)
def test_export_per_document_rdf_is_isomorphic_to_the_store(name, seeds_kg, store_graphs, tmp_path: Path) -> None:
    back = FORMATS[name].read(FORMATS[name].write(seeds_kg, tmp_path / FORMATS[name].filename))
    names = {g.identifier for g in back.graphs() if len(g)}
    assert names == set(store_graphs) - {None} == {graph_iri(doc) for doc in seeds_kg.documents}
    for iri in names:
        assert len(back.graph(iri)) == len(store_graphs[iri]) > 0
        assert isomorphic(back.graph(iri), store_graphs[iri]), iri


@pytest.mark.parametrize("name", ("graphml", "gexf"))
def test_export_networkx_formats_read_back_same_graph(name, seeds_kg, tmp_path: Path) -> None:
    g = to_networkx(seeds_kg)
    back = FORMATS[name].read(FORMATS[name].write(seeds_kg, tmp_path / FORMATS[name].filename))
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=repr) == sorted(g.edges(keys=True, data=True), key=repr)
    assert g.number_of_edges() > 200


def test_export_gexf_has_no_date(tmp_path: Path) -> None:
    """networkx writes today's date into GEXF; the export must not depend on the day."""
    text = FORMATS["gexf"].write(sample_graph.build(), tmp_path / "kg.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in text and "<gexf" in text


def test_export_json_reads_back_as_the_digest(seeds_kg, tmp_path: Path) -> None:
    from kg.writers.digest import to_digest

    back = FORMATS["json"].read(FORMATS["json"].write(seeds_kg, tmp_path / "kg.json"))
    assert back == json.loads(json.dumps(to_digest(seeds_kg)))


@pytest.mark.parametrize("name", [n for n in FORMATS if n != "html"])
def test_export_is_byte_identical_across_processes(name, tmp_path: Path) -> None:
    """Set and dict order must not leak in: another hash seed gives the same bytes."""
    FORMATS[name].write(sample_graph.build(), tmp_path / "here")
    script = ("import sys, sample_graph; from kg.writers.registry import FORMATS; "
              "FORMATS[sys.argv[1]].write(sample_graph.build(), sys.argv[2])")
    env = {**os.environ, "PYTHONHASHSEED": "4242", "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    subprocess.run([sys.executable, "-c", script, name, str(tmp_path / "there")], env=env, check=True)
    here, there = tmp_path / "here", tmp_path / "there"
    if here.is_dir():
        assert sorted(p.name for p in here.iterdir()) == sorted(p.name for p in there.iterdir())
        assert all((here / p.name).read_bytes() == (there / p.name).read_bytes() for p in here.iterdir())
    else:
        assert here.read_bytes() == there.read_bytes()


def test_export_jsonld_embeds_the_ontology_context(tmp_path: Path) -> None:
    doc = json.loads(FORMATS["jsonld"].write(sample_graph.build(), tmp_path / "kg.jsonld").read_text("utf-8"))
    on_disk = json.loads((ROOT / "ontology" / "context.jsonld").read_text("utf-8"))["@context"]
    assert doc["@context"] == on_disk == context()
    person = next(n for n in doc["@graph"] if n["@id"] == str(entity_iri("Person/金壮龙")))
    assert person["label"] == "金壮龙" and person["holdsPost"] == str(entity_iri("Organization/工业和信息化部"))
    metric = next(n for n in doc["@graph"] if n["@id"] == str(metric_iri('工业增加值 增长 4.60% #"q"')))
    assert metric["value"] == "4.60"  # the decimal's own digits, typed xsd:decimal by the context


def test_export_jsonld_context_names_only_declared_terms() -> None:
    """A term pointing at a misspelt IRI would silently mint a new property."""
    vocabularies = {"kgo": KGO, "oa": OA, "skos": SKOS, "prov": PROV, "rdf": RDF, "xsd": XSD}
    ctx = context()
    for term, definition in ctx.items():
        if isinstance(definition, dict):
            prefix, local = definition["@id"].split(":")
            assert URIRef(ctx[prefix] + local) == getattr(vocabularies[prefix], local), term
            kind = definition.get("@type", "@id")
            assert kind == "@id" or getattr(XSD, kind.split(":")[1]), term


def test_export_rdf_formats_read_to_rdflib(tmp_path: Path) -> None:
    kg = sample_graph.build()
    for name in MERGED:
        assert isinstance(FORMATS[name].read(FORMATS[name].write(kg, tmp_path / name)), Graph)
    for name in PER_DOCUMENT:
        assert isinstance(FORMATS[name].read(FORMATS[name].write(kg, tmp_path / name)), Dataset)


# ---------------------------------------------------------------- the property-graph mapping

def test_export_property_graph_labels_and_properties() -> None:
    kg = sample_graph.build()
    by_iri = {n.iri: n for n in nodes(kg)}
    ministry = by_iri[str(entity_iri("Organization/工业和信息化部"))]
    assert ministry.labels == ("Entity", "Organization", "GovernmentBody")
    assert ministry.properties["aliases"] == ["工信部"] and ministry.properties["label"] == "工业和信息化部"
    starts, ends, docs = (ministry.properties[f"mention_{k}"] for k in ("starts", "ends", "docs"))
    assert len(starts) == len(ends) == len(docs) == 3
    hostile = by_iri[str(entity_iri(f"Organization/{sample_graph.HOSTILE}"))]
    assert hostile.labels == ("Entity", "Organization", "OtherOrganization")
    metric = by_iri[str(metric_iri('工业增加值 增长 4.60% #"q"'))]
    assert metric.labels == ("Metric",)
    assert metric.properties["value"] == 4.6 and metric.properties["value_decimal"] == "4.60"
    assert "period" not in metric.properties and "qualifier" not in metric.properties  # no nulls
    assert metric.properties["evidence_sentences"] == ["工业增加值增长4.60%。"]
    assert set(CLASS_LABELS) >= {label for n in nodes(kg) for label in n.labels[1:]}


def test_export_property_graph_edges() -> None:
    kg = sample_graph.build()
    found = {(e.type, e.start, e.end): e for e in edges(kg)}
    holds = found[("HOLDS_POST", str(entity_iri("Person/金壮龙")), str(entity_iri("Organization/工业和信息化部")))]
    assert holds.properties["roles"] == ["部长"]
    span = sample_graph.sentence(0)
    sentence = kg.documents[span.doc].sentence_of(span)  # the sentence RDF's kgo:sentence holds
    assert holds.properties["evidence_sentences"] == [sample_graph.TEXT[sentence.start:sentence.end]]
    assert (holds.properties["evidence_starts"], holds.properties["evidence_ends"]) == ([span.start], [span.end])
    about = [e for e in edges(kg) if e.type == ABOUT]
    assert [(e.start_label, e.end_label, e.properties) for e in about] == [("Metric", "Entity", {})]
    assert len(edges(kg)) == len(kg.relations) + 1
    values = [v for n in nodes(kg) for v in n.properties.values()] + [v for e in edges(kg) for v in e.properties.values()]
    assert None not in values and "" not in values and [] not in values


def test_export_cypher_literals_cannot_break_out() -> None:
    assert literal("a'}) DETACH DELETE n //") == "'a\\'}) DETACH DELETE n //'"
    assert literal("back\\slash\nline\x01") == "'back\\\\slash\\nline\x01'"
    assert literal({"a b": [1, 2.5e20]}) == "{`a b`: [1, 2.5e20]}"
    assert identifier("人物`x") == "`人物``x`"


def test_export_cypher_script_statements(tmp_path: Path) -> None:
    text = FORMATS["cypher"].write(sample_graph.build(), tmp_path / "kg.cypher").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("//")]
    assert comments and not any(";" in line for line in comments)  # a shell splitting at ; keeps them whole
    code = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    statements = [s for s in code.split(";\n") if s.strip()]
    assert len(statements) == len(kg_statements(sample_graph.build()))
    assert all(s.lstrip().startswith("UNWIND [") for s in statements)
    assert "MERGE (n:`Entity` {iri: row.iri}) SET n = row.props, n:`Person` REMOVE" in text
    assert "MERGE (a)-[r:`HOLDS_POST`]->(b)" in text and "MERGE (a)-[r:`ABOUT`]->(b)" in text
    assert "'<script>alert(\"x\")</script> 100% #1? {a|b} \\\\ ^`'" in text  # quote-free, backslash doubled


# ---------------------------------------------------------------- neo4j-admin CSV

NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date",
               "localtime", "time", "localdatetime", "datetime", "duration", "point"}
PROPERTY_COLUMN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(:(?P<type>[a-z]+)(?P<array>\[\])?)?\Z")


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_export_neo4j_csv_header_format(seeds_kg, tmp_path: Path) -> None:
    folder = FORMATS["neo4j-csv"].write(seeds_kg, tmp_path / "neo4j-import")
    assert sorted(p.name for p in folder.iterdir()) == sorted([*FILES, IMPORT_SCRIPT])
    ids: set[str] = set()
    for name in ("entities.csv", "metrics.csv"):
        header, *rows = _csv(folder / name)
        assert header[0] == "iri:ID" and header[-1] == ":LABEL" and header.count(":LABEL") == 1
        for column in header[1:-1]:
            m = PROPERTY_COLUMN.match(column)
            assert m and (m["type"] is None or m["type"] in NEO4J_TYPES), column
        for row in rows:
            assert len(row) == len(header) and row[0] and row[0] not in ids
            ids.add(row[0])
            labels = row[-1].split(ARRAY_DELIMITER)
            assert labels[0] in ("Entity", "Metric") and all(labels)
    assert len(ids) == len(seeds_kg.entities) + len(seeds_kg.metrics)
    for name in ("relations.csv", "about.csv"):
        header, *rows = _csv(folder / name)
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert all(PROPERTY_COLUMN.match(c) for c in header[3:])
        for row in rows:
            assert len(row) == len(header) and row[0] in ids and row[1] in ids and re.fullmatch(r"[A-Z_]+", row[2])
    header = _csv(folder / "metrics.csv")[0]
    assert "value:double" in header and "evidence_starts:int[]" in header and "evidence_sentences:string[]" in header
    assert _csv(folder / "relations.csv")[0][3:] == [n if k == "string" else f"{n}:{k}" for n, k in RELATION_PROPERTIES]
    assert len(_csv(folder / "entities.csv")[0]) == len(NODE_PROPERTIES["Entity"]) + 1


def test_export_neo4j_csv_import_command(tmp_path: Path) -> None:
    folder = FORMATS["neo4j-csv"].write(sample_graph.build(), tmp_path / "neo4j-import")
    script = (folder / IMPORT_SCRIPT).read_text(encoding="utf-8")
    assert os.access(folder / IMPORT_SCRIPT, os.X_OK)
    assert "neo4j-admin database import full" in script and "--array-delimiter=U+001F" in script
    for name in FILES:
        kind = "nodes" if name in ("entities.csv", "metrics.csv") else "relationships"
        assert f"--{kind}={name}" in script
    assert subprocess.run(["sh", "-n", str(folder / IMPORT_SCRIPT)]).returncode == 0


def test_export_neo4j_csv_reads_back_the_mapping(seeds_kg, tmp_path: Path) -> None:
    found, links = FORMATS["neo4j-csv"].read(FORMATS["neo4j-csv"].write(seeds_kg, tmp_path / "n"))
    assert found == nodes(seeds_kg)
    assert sorted(links, key=repr) == sorted(edges(seeds_kg), key=repr)


def test_export_neo4j_csv_hostile_values_survive(tmp_path: Path) -> None:
    kg = sample_graph.build()
    kg.entities["Person/金壮龙"].aliases = {'逗号,引号"换行\n分号;'}
    found, _ = FORMATS["neo4j-csv"].read(FORMATS["neo4j-csv"].write(kg, tmp_path / "n"))
    assert found == nodes(kg)


def test_export_neo4j_csv_replaces_an_old_folder_whole(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "stale.csv").write_text("x")
    FORMATS["neo4j-csv"].write(sample_graph.build(), folder)
    assert not (folder / "stale.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n"]  # no staging folders left


# ---------------------------------------------------------------- the command line

def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def test_export_cli_writes_the_format_into_out_or_to_output(seeds_out: Path, tmp_path: Path) -> None:
    r = _kg("export", "-s", str(seeds_out), "--format", "nquads", "-o", str(tmp_path / "deep" / "x.nq"))
    assert r.returncode == 0, r.stderr
    assert isinstance(FORMATS["nquads"].read(tmp_path / "deep" / "x.nq"), Dataset)
    r = _kg("export", "-s", str(seeds_out), "--format", "gexf")
    assert r.returncode == 0, r.stderr
    assert nx.read_gexf(seeds_out / "kg.gexf").number_of_nodes() > 300
    (seeds_out / "kg.gexf").unlink()


def test_export_cli_without_store_is_a_clear_error(tmp_path: Path) -> None:
    r = _kg("export", "-s", str(tmp_path), "--format", "turtle")
    assert r.returncode == 2 and "E008" in r.stderr and "Traceback" not in r.stderr


def test_export_cli_unwritable_output_is_a_clear_error(seeds_out: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    r = _kg("export", "-s", str(seeds_out), "--format", "json", "-o", str(tmp_path / "file" / "kg.json"))
    assert r.returncode == 2 and "E006" in r.stderr and "Traceback" not in r.stderr
    r = _kg("export", "-s", str(seeds_out), "--format", "neo4j-csv", "-o", str(tmp_path / "file"))
    assert r.returncode == 2 and "E006" in r.stderr and "Traceback" not in r.stderr


def test_export_cli_refuses_unknown_format(seeds_out: Path) -> None:
    r = _kg("export", "-s", str(seeds_out), "--format", "pdf")
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_export_cli_refuses_an_empty_output_path(seeds_out: Path) -> None:
    r = _kg("export", "-s", str(seeds_out), "--format", "gexf", "-o", "")
    assert r.returncode == 2 and "E006" in r.stderr and "-o needs a path" in r.stderr
    assert not (seeds_out / "kg.gexf").exists()
