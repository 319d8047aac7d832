"""The extraction stages: each finds candidates in a Doc and writes one `doc.spans["ki_<kind>"]`
group plus the facts for them (see `add_fact`). They are registered as spaCy factories in
`kiextract.factories`, which also fixes their order."""
