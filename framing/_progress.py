"""Progress bars: ``tqdm`` only when asked for, widgets only where they can render.

``progress_bar(iterable, enabled=False)`` returns the iterable itself, and
``progress_bar(total=n, enabled=False)`` a bar that does nothing: with progress
off, tqdm is not even imported, so nothing is printed or warned.

With progress on, the bar is ``tqdm.auto``'s (a widget in Jupyter) when
``ipywidgets`` is installed, and the plain text bar otherwise, so that Jupyter
without ``ipywidgets`` shows a text bar instead of the warning ``TqdmWarning:
IProgress not found`` that ``tqdm.auto`` prints there.
"""

from __future__ import annotations

import importlib.util


class NullBar:
    """Stands in for a tqdm bar when progress is off: every call does nothing."""

    n = 0
    total = None
    disable = True

    def update(self, n=1):
        return None

    def close(self):
        return None

    def refresh(self, *args, **kwargs):
        return None

    def set_description(self, *args, **kwargs):
        return None

    def set_postfix(self, *args, **kwargs):
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _has_widgets() -> bool:
    return importlib.util.find_spec("ipywidgets") is not None


def bar_class():
    """The tqdm class to use: ``tqdm.auto.tqdm`` with ipywidgets, else ``tqdm.std.tqdm``."""
    if _has_widgets():
        from tqdm.auto import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm


def progress_bar(iterable=None, *, enabled: bool = True, **options):
    """A progress bar over ``iterable`` (or a manual one when ``iterable`` is None).

    Parameters
    ----------
    iterable : iterable, optional
        Wrapped in the bar; returned unchanged when ``enabled`` is False.
    enabled : bool
        False: no tqdm at all (the iterable itself, or a :class:`NullBar`).
    **options
        Passed to tqdm (``total``, ``desc``, ``unit``, ``leave``, …).
    """
    if not enabled:
        return NullBar() if iterable is None else iterable
    tqdm = bar_class()
    return tqdm(**options) if iterable is None else tqdm(iterable, **options)
