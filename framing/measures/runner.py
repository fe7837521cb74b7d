"""One runner for the measures: each computed once, in dependency order.

Some measures read others: :func:`framing.epithets` and
:func:`framing.attributions` name what they find by the actors of
:func:`framing.actors`, :func:`framing.naming` reads actors and epithets, and
:func:`framing.sources` summarises attributions.  Each accepts what it depends
on as an argument; :func:`measure` passes it on, so a notebook that wants
several measures computes actors once instead of once per measure.
"""

from __future__ import annotations

from .._errors import OptionError
from .._options import check
from ._guard import strict_mode
from .partitioned import measure_partitioned
from .plan import _READS, _SPEC, DEPENDS, Measures, _check, function_of, order

__all__ = ["DEPENDS", "Measures", "function_of", "measure", "order"]


def measure(ann, names=("actors", "epithets", "naming", "attributions", "sources"), *, options=None,
            given=None, errors: str = "raise", partition_size: int | None = None, client=None,
            out=None) -> Measures:
    """Compute several measures, each once, in dependency order.

    This is plumbing, not a method: every number comes from the measure that
    computes it (see its References).  The runner knows which measures read
    which (:data:`DEPENDS`: epithets, naming and attributions read actors,
    naming also reads epithets, sources reads attributions), computes each
    measure needed exactly once and passes its result to the measures that
    read it.

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate`.
    names : str or sequence of str
        The measures wanted: any of ``"actors"``, ``"epithets"``, ``"naming"``,
        ``"attributions"``, ``"sources"`` (default: all five).  The measures
        they read are computed too and kept in the result.
    options : dict, optional
        Options per measure, ``{measure name: {option: value}}``, passed to
        that measure as keywords, e.g. ``{"sources": {"n_boot": 200}}``.  Only
        a measure's own keyword options are allowed (not the results it reads).
    given : dict, optional
        Results already computed, ``{measure name: result}``: used as they are
        instead of being computed (e.g. ``given={"actors": acts}``).
    errors : {"raise", "record"}
        What a measure that raises does: ``"raise"`` (default) stops there;
        ``"record"`` keeps the exception in ``result.failed`` and goes on with
        the other measures (those that read the failed one are left out and
        say so in ``failed``).  With ``FRAMING_STRICT=1`` (tests) it raises
        whatever ``errors`` says.
    partition_size : int, optional
        Compute the measures partition by partition (this many documents at a
        time) with :func:`framing.measure_partitioned`: the same tables, with
        the memory of one partition's tokens (a lazy annotation,
        ``annotate(..., lazy=True)``, reads each from the cache).
    client : dask.distributed.Client, optional
        Map the per-partition work over this cluster (implies partitions, of
        ``partition_size`` documents or the default size).
    out : str or path, optional
        With partitions: write each per-document table to this folder as a
        Parquet dataset, partition by partition, and return it as a
        :class:`~framing.measures.partitioned.PartitionedTable` (see
        :func:`framing.measure_partitioned`); implies partitions.

    Returns
    -------
    Measures
        The results by name: ``result.naming`` or ``result["naming"]``;
        ``result.names`` lists every measure held (those asked for and those
        they read), in the order computed; ``result.failed`` the measures that
        could not be computed (``errors="record"``); shown as tables in a notebook.

    Raises
    ------
    OptionError
        An unknown measure name (the message lists the known ones), or an
        option a measure does not take.

    Examples
    --------
    Naming and sources on the demo corpus; actors are computed once and passed
    to epithets, naming and attributions:

    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> res = framing.measure(ann, ["naming", "sources"], options={"sources": {"n_boot": 200}})
    >>> res.names
    ['actors', 'epithets', 'naming', 'attributions', 'sources']
    >>> res.naming.forms.equals(framing.naming(ann, actors=res.actors, epithets=res.epithets).forms)
    True
    """
    check("measure", _SPEC, errors=errors, partition_size=partition_size)
    if partition_size is not None or client is not None or out is not None:
        for name, value, why in (("given", given, "given results cover the whole corpus"),
                                 ("errors", None if errors == "raise" else errors, "partitions raise")):
            if value:
                raise OptionError(f"measure(): {name}= cannot be combined with partition_size=/client=/out= "
                                  f"({why}); drop one of them.")
        extra = {} if partition_size is None else {"partition_size": partition_size}
        return measure_partitioned(ann, names, options=options, client=client, out=out, **extra)
    names, options, given = _check(names, options, given)
    record = errors == "record" and not strict_mode()
    results: dict = {}
    failed: dict = {}
    for name in order(names, given):
        if name in given:
            results[name] = given[name]
            continue
        missing = [dep for dep in DEPENDS[name] if dep in failed]
        if missing:
            failed[name] = f"the {' and '.join(missing)} measure did not run"
            continue
        reads = {dep: results[dep] for dep in DEPENDS[name] if dep != _READS.get(name)}
        first = results[_READS[name]] if name in _READS else ann
        try:
            results[name] = function_of(name)(first, **reads, **options.get(name, {}))
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as err:  # noqa: BLE001 - kept in .failed; raised unless errors="record"
            if not record:
                raise
            failed[name] = err
    return Measures(results, failed)
