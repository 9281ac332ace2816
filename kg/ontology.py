"""The kg ontology as closed namespaces: a misspelt term raises instead of minting a new IRI.

``KGO`` mirrors ``ontology/kg.ttl`` term for term (a test keeps them equal); ``OA`` holds
the W3C Web Annotation terms we use, which rdflib does not ship; ``KGR`` is where data lives.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

KGR = Namespace("https://w3id.org/kg-cn/id/")


class KGO(DefinedNamespace):
    """kg ontology: entities, facts and metrics read from Chinese industrial-policy documents."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-cn/ontology#")

    # Classes
    Entity: URIRef  # anything named in a document and resolved to one node
    Person: URIRef  # a named, real person
    Organization: URIRef  # a named body
    GovernmentBody: URIRef  # organisation subtype: government or party body
    Company: URIRef  # organisation subtype: enterprise
    Association: URIRef  # organisation subtype: industry association, federation
    Academic: URIRef  # organisation subtype: university, institute, laboratory
    Media: URIRef  # organisation subtype: media outlet
    OtherOrganization: URIRef  # organisation subtype: none of the above
    Industry: URIRef  # an industry, sector or technology field
    Policy: URIRef  # a named law, plan, programme, campaign, pilot or strategy
    Location: URIRef  # a country, province, city, district or region
    Event: URIRef  # a named conference, meeting, forum, fair
    Metric: URIRef  # a measured or targeted quantity stated in a document
    Document: URIRef  # a source document
    Mention: URIRef  # a stretch of a source document, by character offsets
    Sentence: URIRef  # a whole sentence of a source document, linked to the entities it names
    Statement: URIRef  # a relation as a node, carrying its roles and evidence

    # Relations between entities
    holdsPost: URIRef  # Person → Organization
    partOf: URIRef  # Organization → Organization
    issues: URIRef  # Organization → Policy
    targets: URIRef  # Policy → Industry
    locatedIn: URIRef  # Organization or Event → Location
    participatesIn: URIRef  # Person or Organization → Event

    # Provenance and metric links
    mention: URIRef  # entity → a span naming it
    evidence: URIRef  # statement or metric → the span stating it
    sentence: URIRef  # span → the text of the sentence it stands in
    inSentence: URIRef  # span → the kgo:Sentence node it stands in
    names: URIRef  # sentence → an entity mentioned in it
    about: URIRef  # metric → the entity it measures

    # Datatype properties
    indicator: URIRef  # what a metric measures, as the text names it
    value: URIRef  # a metric's number, scale applied (xsd:decimal)
    unit: URIRef  # the unit after the scale word
    measure: URIRef  # the kind of figure: 同比增长, 占比, 目标 …
    period: URIRef  # ISO 8601 year, month, day or interval
    qualifier: URIRef  # 超过, 近, 约 …
    role: URIRef  # a title held in a holds_post statement, as text
    fileName: URIRef  # a document's file name
    sha256: URIRef  # a document's SHA-256, hex


class OA(DefinedNamespace):
    """The W3C Web Annotation terms kg uses to point into documents."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    SpecificResource: URIRef  # a part of a source resource
    TextPositionSelector: URIRef  # selects text by start and end offsets
    TextQuoteSelector: URIRef  # selects text by its exact content
    hasSource: URIRef  # the resource a SpecificResource is part of
    hasSelector: URIRef  # how to find the part within the source
    start: URIRef  # first character offset, inclusive
    end: URIRef  # last character offset, exclusive
    exact: URIRef  # the selected text


TYPE_CLASSES: dict[str, URIRef] = {
    "Person": KGO.Person,
    "Organization": KGO.Organization,
    "Industry": KGO.Industry,
    "Policy": KGO.Policy,
    "Location": KGO.Location,
    "Event": KGO.Event,
}

SUBTYPE_CLASSES: dict[str, URIRef] = {
    "GovernmentBody": KGO.GovernmentBody,
    "Company": KGO.Company,
    "Association": KGO.Association,
    "Academic": KGO.Academic,
    "Media": KGO.Media,
    "Other": KGO.OtherOrganization,
}

PREDICATE_PROPERTIES: dict[str, URIRef] = {
    "holds_post": KGO.holdsPost,
    "part_of": KGO.partOf,
    "issues": KGO.issues,
    "targets": KGO.targets,
    "located_in": KGO.locatedIn,
    "participates_in": KGO.participatesIn,
}


PREFIXES: dict[str, str] = {
    "kgo": str(KGO._NS),
    "kgr": str(KGR),
    "oa": str(OA._NS),
    "org": str(ORG),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
"""The prefixes every export binds and every SPARQL query may use without declaring them."""
