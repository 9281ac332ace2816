"""The ontology file and the closed namespace KGO must declare the same terms."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, OWL, RDF, RDFS

from kg.model import ENTITY_TYPES, ORG_SUBTYPES, PREDICATES
from kg.ontology import KGO, PREDICATE_PROPERTIES, SUBTYPE_CLASSES, TYPE_CLASSES

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _declared(g: Graph) -> set[URIRef]:
    ns = str(KGO._NS)
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(ns)}


def test_ontology_namespace_and_file_declare_same_terms(ontology: Graph) -> None:
    assert _declared(ontology) == set(dir(KGO))


def test_ontology_file_uses_only_declared_terms(ontology: Graph) -> None:
    ns = str(KGO._NS)
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and t.startswith(ns)}
    assert used <= _declared(ontology)


def test_ontology_namespace_refuses_typos() -> None:
    with pytest.raises(AttributeError):
        KGO.Persn  # noqa: B018


def test_ontology_every_term_has_zh_and_en_label(ontology: Graph) -> None:
    for term in _declared(ontology):
        langs = {lit.language for lit in ontology.objects(term, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, term


def test_ontology_tables_cover_the_model(ontology: Graph) -> None:
    assert tuple(TYPE_CLASSES) == ENTITY_TYPES
    assert tuple(SUBTYPE_CLASSES) == ORG_SUBTYPES
    assert tuple(PREDICATE_PROPERTIES) == PREDICATES
    for cls in SUBTYPE_CLASSES.values():
        assert (cls, RDFS.subClassOf, KGO.Organization) in ontology
    for prop in PREDICATE_PROPERTIES.values():
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        assert ontology.value(prop, RDFS.domain) is not None
        assert ontology.value(prop, RDFS.range) is not None


def test_ontology_links_to_w3c_org(ontology: Graph) -> None:
    assert (KGO.partOf, RDFS.subPropertyOf, ORG.subOrganizationOf) in ontology
    assert (KGO.Organization, RDFS.subClassOf, ORG.Organization) in ontology
