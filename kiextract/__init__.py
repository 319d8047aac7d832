"""kiextract: facts from German news articles (persons and roles, organisations, places, dates,
money, counts, percents, durations, contacts), each with its exact text and offsets.

    >>> from kiextract import extract
    >>> record = extract("Am 5. April 2018 ...", published="2018-04-05")  # doctest: +SKIP

spaCy is imported lazily: importing kiextract is cheap, loading the pipeline is not.
"""
__version__ = "0.1.0"

__all__ = ["extract", "extract_many", "load_pipeline", "__version__"]


def __getattr__(name):
    if name in ("extract", "extract_many", "load_pipeline"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kiextract' has no attribute {name!r}")
