"""Writers: one module per output format, registered by name in kg.writers.registry."""
