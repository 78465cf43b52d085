"""What the registry's import kinds are made of (the kinds: registry/imports.py; the framework: core/imports/):
cell readers (fields.py, values.py), row rules with holders and regions (rows.py, matching.py), and how each
register is written (writing.py set-based, orm_writing.py record by record)."""
