"""Measures: pure functions from an :class:`~framing.Annotated` to tidy tables.

``actors``      entity mentions grouped into actors across inflection, name
                forms, spelling and language (:mod:`framing.measures.actors`);
``epithets``    descriptors attached to actors and evaluative nominations
                (:mod:`framing.measures.epithets`);
``naming``      naming forms per outlet and actor, contested naming choices,
                distinctive naming forms (:mod:`framing.measures.naming`).
``measure``     several measures at once, each computed once in dependency
                order (:mod:`framing.measures.runner`).

Each module defines a column constant for each table it returns and is
imported lazily through :mod:`framing`.
"""
