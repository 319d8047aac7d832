"""Training, measuring and packaging kiextract's own German NER model: the corpora (corpora.py),
floret vectors on raw text (vectors.py), held-out and in-pipeline measures (measure.py) and the
model card (card.py). `python -m kiextract.train` runs them (train.py). Not imported by the
extractor at run time."""
