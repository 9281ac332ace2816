"""The knowledge graph as RDF: W3C vocabularies where they fit, kgo where they do not.

Every fact carries its text: entities point at their mentions, relations and metrics at
their evidence, each a ``kgo:Mention`` (an ``oa:SpecificResource`` of a document, found
by an ``oa:TextPositionSelector``). A relation is both a direct triple, for plain
queries, and a ``kgo:Statement`` node, so SPARQL can go from a fact to its sentence.
Each whole sentence a span stands in is a ``kgo:Sentence`` node that ``kgo:names`` every
entity mentioned in it, and every span points at it (``kgo:inSentence``), so "what else is
named where this is named" is two hops, not a text search.
Every node has an IRI (no blank nodes), so serialisations are stable.

>>> g = to_rdf(KnowledgeGraph())
>>> len(g)
0
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, SKOS, XSD

from ..iris import (document_iri, graph_iri, entity_iri, metric_iri, position_selector_iri, quote_selector_iri,
                    role_iri, span_iri, statement_iri)
from ..model import Document, Entity, KnowledgeGraph, Metric, Relation, Span
from ..ontology import KGO, OA, PREDICATE_PROPERTIES, PREFIXES, SUBTYPE_CLASSES, TYPE_CLASSES

__all__ = ["to_rdf", "to_dataset", "document_graphs", "for_document"]


def _bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes our exports use, so Turtle reads ``kgo:Person`` not a full IRI."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """Turn a knowledge graph into an rdflib Graph following ontology/kg.ttl."""
    g = _bind_prefixes(Graph(bind_namespaces="core"))
    spans: set[Span] = set()
    for entity in kg.sorted_entities():
        _add_entity(g, entity)
        spans |= entity.mentions
    for relation in kg.sorted_relations():
        _add_relation(g, relation)
        spans |= relation.evidence
    for metric in kg.sorted_metrics():
        _add_metric(g, metric)
        spans |= metric.evidence
    for span in sorted(spans):
        _add_span(g, span, kg.documents.get(span.doc))
    _add_sentences(g, kg, spans)
    for name in sorted({span.doc for span in spans} | set(kg.documents)):
        _add_document(g, name, kg.documents.get(name))
    return g


def for_document(kg: KnowledgeGraph, name: str) -> KnowledgeGraph:
    """What one document says: its entities, facts and metrics with only that document's spans.

    The union of every document's graph is the merged graph, because every entity, relation
    and metric has at least one span.
    """
    def own(spans: set[Span]) -> set[Span]:
        return {s for s in spans if s.doc == name}

    part = KnowledgeGraph(documents={name: kg.documents[name]} if name in kg.documents else {})
    for e in kg.entities.values():
        if own(e.mentions):
            part.entities[e.id] = replace(e, mentions=own(e.mentions))
    for k, r in kg.relations.items():
        if own(r.evidence):
            part.relations[k] = replace(r, evidence=own(r.evidence))
    for k, m in kg.metrics.items():
        if own(m.evidence):
            part.metrics[k] = replace(m, evidence=own(m.evidence))
    return part


def document_graphs(kg: KnowledgeGraph) -> Iterator[tuple[URIRef, Graph]]:
    """Each document's graph under its name (``graph_iri``), in document order."""
    names = sorted(set(kg.documents) | {s.doc for e in kg.entities.values() for s in e.mentions})
    for name in names:
        yield graph_iri(name), to_rdf(for_document(kg, name))


def to_dataset(kg: KnowledgeGraph) -> Dataset:
    """One named graph per document, as TriG, N-Quads and the store hold it."""
    ds = Dataset(default_union=False)
    _bind_prefixes(ds)
    for iri, graph in document_graphs(kg):
        named = ds.graph(iri)
        for triple in graph:
            named.add(triple)
    return ds


def _derived_from(g: Graph, node: URIRef, spans: set[Span]) -> None:
    """Tie a node to its spans' documents the PROV way, for tools that know only PROV."""
    for doc in sorted({s.doc for s in spans}):
        g.add((node, PROV.wasDerivedFrom, document_iri(doc)))


def _add_entity(g: Graph, entity: Entity) -> None:
    node = entity_iri(entity)
    g.add((node, RDF.type, TYPE_CLASSES[entity.type]))
    if entity.subtype:
        g.add((node, RDF.type, SUBTYPE_CLASSES[entity.subtype]))
    g.add((node, SKOS.prefLabel, Literal(entity.label, lang="zh")))
    for alias in sorted(entity.aliases - {entity.label}):  # SKOS: a name is pref or alt, not both
        g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
    for span in sorted(entity.mentions):
        g.add((node, KGO.mention, span_iri(span)))
    _derived_from(g, node, entity.mentions)


def _add_relation(g: Graph, relation: Relation) -> None:
    subject, obj = entity_iri(relation.subject), entity_iri(relation.object)
    prop = PREDICATE_PROPERTIES[relation.predicate]
    g.add((subject, prop, obj))
    node = statement_iri(relation)
    g.add((node, RDF.type, KGO.Statement))
    g.add((node, RDF.subject, subject))
    g.add((node, RDF.predicate, prop))
    g.add((node, RDF.object, obj))
    for role in sorted(relation.roles):
        g.add((node, KGO.role, Literal(role, lang="zh")))
    if relation.predicate == "holds_post":
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, subject))
        g.add((node, ORG.organization, obj))
        for role in sorted(relation.roles):
            g.add((node, ORG.role, role_iri(role)))
            g.add((role_iri(role), RDF.type, ORG.Role))
            g.add((role_iri(role), SKOS.prefLabel, Literal(role, lang="zh")))
    for span in sorted(relation.evidence):
        g.add((node, KGO.evidence, span_iri(span)))
    _derived_from(g, node, relation.evidence)


def _decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal with the Decimal's own digits: no float noise, no exponent."""
    return Literal(format(value, "f"), datatype=XSD.decimal)


def _add_metric(g: Graph, metric: Metric) -> None:
    node = metric_iri(metric)
    g.add((node, RDF.type, KGO.Metric))
    g.add((node, KGO.indicator, Literal(metric.indicator, lang="zh")))
    g.add((node, KGO.value, _decimal_literal(metric.value)))
    for prop, text, lang in ((KGO.unit, metric.unit, None), (KGO.measure, metric.measure, "zh"),
                             (KGO.period, metric.period, None), (KGO.qualifier, metric.qualifier, "zh")):
        if text is not None:
            g.add((node, prop, Literal(text, lang=lang)))
    if metric.subject is not None:
        g.add((node, KGO.about, entity_iri(metric.subject)))
    for span in sorted(metric.evidence):
        g.add((node, KGO.evidence, span_iri(span)))
    _derived_from(g, node, metric.evidence)


def _add_position(g: Graph, span: Span) -> None:
    """Where a span's node is: its document and a TextPositionSelector of its offsets."""
    node, position = span_iri(span), position_selector_iri(span)
    g.add((node, OA.hasSource, document_iri(span.doc)))
    g.add((node, OA.hasSelector, position))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(span.start)))
    g.add((position, OA.end, Literal(span.end)))


def _add_span(g: Graph, span: Span, doc: Document | None) -> None:
    node = span_iri(span)
    g.add((node, RDF.type, KGO.Mention))
    _add_position(g, span)
    if doc is not None:
        quote = quote_selector_iri(span)
        g.add((node, OA.hasSelector, quote))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(doc.text[span.start:span.end])))
        sentence = doc.sentence_of(span)
        g.add((node, KGO.sentence, Literal(doc.text[sentence.start:sentence.end], lang="zh")))


def _add_sentences(g: Graph, kg: KnowledgeGraph, spans: set[Span]) -> None:
    """Sentence nodes: each span's whole sentence (not the bounded ``kgo:sentence`` window,
    so two mentions in one long sentence meet at one node), the spans in it, what it names."""
    whole = {s: kg.documents[s.doc].sentence_of(s, reach=None) for s in spans if s.doc in kg.documents}
    for sentence in sorted(set(whole.values())):
        g.add((span_iri(sentence), RDF.type, KGO.Sentence))
        _add_position(g, sentence)
    for span, sentence in sorted(whole.items()):
        g.add((span_iri(span), KGO.inSentence, span_iri(sentence)))
    _add_names(g, kg, set(whole.values()))


def _add_names(g: Graph, kg: KnowledgeGraph, sentences: set[Span]) -> None:
    """Each sentence ``kgo:names`` every entity with a mention inside it: inside, not only those
    whose own sentence it is, since a span across a line break has a sentence that holds others."""
    mentions = sorted((s, entity_iri(e)) for e in kg.entities.values() for s in e.mentions)
    starts = [(s.doc, s.start) for s, _ in mentions]
    for sentence in sorted(sentences):
        first = bisect_left(starts, (sentence.doc, sentence.start))
        last = bisect_left(starts, (sentence.doc, sentence.end))
        for span, entity in mentions[first:last]:
            if span.end <= sentence.end:
                g.add((span_iri(sentence), KGO.names, entity))


def _add_document(g: Graph, name: str, doc: Document | None) -> None:
    node = document_iri(name)
    g.add((node, RDF.type, KGO.Document))
    g.add((node, KGO.fileName, Literal(name)))
    if doc is not None and doc.sha256:
        g.add((node, KGO.sha256, Literal(doc.sha256)))
