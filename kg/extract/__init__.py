"""Extraction stages; the order and contract of each is declared in kg.pipeline."""
