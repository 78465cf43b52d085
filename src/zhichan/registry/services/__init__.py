"""Registry domain operations, one module per kind of right."""
