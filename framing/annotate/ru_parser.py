"""The slovnet models of the Russian backend: navec embeddings with the morphology,
syntax and NER taggers, run in numpy over batches of sentences.

Part of :mod:`framing.annotate.ru`.  The model files are read from the
installed natasha wheel (natasha itself is not imported).

References
----------
Kukushkin, A. (2020). Natasha: Russian NLP library (slovnet, navec, razdel).
https://github.com/natasha
"""

from __future__ import annotations

import importlib.util
import os

import numpy as np

from .ru_lemmatizer import CACHE_LEMMAS

#: Longest sentence (in tokens) passed to the models; longer ones are cut.
MAX_SENT_TOKENS = 200
#: Tokens per model batch (sentences of similar length are batched together).
BATCH_TOKENS = 4096
BATCH_SENTS = 512

_MODEL_FILES = {
    "navec": ("emb", "navec_news_v1_1B_250K_300d_100q.tar"),
    "morph": ("model", "slovnet_morph_news_v1.tar"),
    "syntax": ("model", "slovnet_syntax_news_v1.tar"),
    "ner": ("model", "slovnet_ner_news_v1.tar"),
}


def model_dir() -> str:
    """The natasha package's data folder (found without importing natasha)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        from .._errors import missing_dependency
        raise missing_dependency("natasha", "Russian annotation (the slovnet models ship in its wheel)")
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def model_path(name: str) -> str:
    sub, fname = _MODEL_FILES[name]
    return os.path.join(model_dir(), sub, fname)


def navec_vectors():
    """The navec news vectors with their vocabulary (for word lookups), loaded once per process.

    Shared by the frame classifier, FrameAxis and the evaluative-word model.  The
    parser keeps its own copy without the vocabulary (:meth:`_Models.navec`).
    """
    global _NAVEC_VECTORS
    if _NAVEC_VECTORS is None:
        from navec import Navec

        _NAVEC_VECTORS = Navec.load(model_path("navec"))
    return _NAVEC_VECTORS


_NAVEC_VECTORS = None


# --- slovnet models --------------------------------------------------------------

class _Encoder:
    """numpy inference of one slovnet CNN tagger/parser (weights from the slovnet model).

    Same arithmetic as ``slovnet.exec.model`` with float32 throughout, the
    convolution done as one matrix product per layer (channels last) and the
    relation scorer vectorised over tokens; about five times faster.
    """

    def __init__(self, model):
        self.shape_w = np.ascontiguousarray(model.emb.shape.weight.array, dtype=np.float32)
        self.layers = []
        for layer in model.encoder.layers:
            w = layer.conv.weight.array.astype(np.float32)          # filters x in x kernel
            f, cin, k = w.shape
            if layer.conv.padding * 2 + 1 != k:
                raise ValueError("unexpected slovnet convolution shape")
            wcat = np.ascontiguousarray(w.transpose(1, 2, 0).reshape(cin, k * f))
            n = layer.norm
            scale = (n.weight.array / n.std.array).astype(np.float32)
            shift = (n.bias.array - n.mean.array * scale).astype(np.float32)
            self.layers.append((wcat, layer.conv.bias.array.astype(np.float32), k, f, scale, shift))

    def __call__(self, word_emb, shape_id, pad):
        """``word_emb`` B x L x 300, ``shape_id`` B x L, ``pad`` B x L bool -> B x L x H."""
        x = np.concatenate((word_emb, self.shape_w[shape_id]), axis=-1)
        b, length = shape_id.shape
        for wcat, bias, k, f, scale, shift in self.layers:
            y = (x.reshape(b * length, -1) @ wcat).reshape(b, length, k, f)
            out = y[:, :, k // 2, :] + bias
            half = k // 2
            for j in range(k):
                d = j - half
                if d < 0:
                    out[:, -d:, :] += y[:, :d, j, :]
                elif d > 0:
                    out[:, :-d, :] += y[:, d:, j, :]
            np.maximum(out, 0, out=out)
            out *= scale
            out += shift
            out[pad] = 0
            x = out
        return x


class _Models:
    """navec + slovnet morph/syntax/NER, loaded on first use, run together per batch.

    Sentences of many documents are sorted by length and cut into batches of
    similar length (little padding); per batch the navec word vectors are
    decoded once and shared by the three models.
    """

    def __init__(self):
        self._navec = None
        self._models: dict = {}
        self._enc: dict = {}
        self._word_cache: dict = {}

    def navec(self):
        if self._navec is None:
            from navec import Navec
            nv = Navec.load(model_path("navec"))
            nv.vocab = None   # only the quantised vectors are used (the models have the vocabulary)
            self._navec = nv
        return self._navec

    def get(self, name: str):
        m = self._models.get(name)
        if m is None:
            import slovnet
            cls = {"morph": slovnet.Morph, "syntax": slovnet.Syntax, "ner": slovnet.NER}[name]
            m = cls.load(model_path(name), batch_size=BATCH_SENTS)
            m.navec(self.navec())
            if self._models:
                # the three models share one 250,000-word vocabulary: keep one copy
                base = self._any().infer.encoder
                enc = m.infer.encoder
                if enc.words_vocab.items == base.words_vocab.items:
                    enc.words_vocab = base.words_vocab
                if enc.shapes_vocab.items == base.shapes_vocab.items:
                    enc.shapes_vocab = base.shapes_vocab
            self._models[name] = m
            self._enc[name] = _Encoder(m.infer.model)
        return m

    def _ids(self, words):
        """Word and shape ids (the three models share their vocabularies)."""
        cache = self._word_cache
        ids, shp = [], []
        for w in words:
            hit = cache.get(w)
            if hit is None:
                hit = self._new_id(w)
            ids.append(hit[0])
            shp.append(hit[1])
        return ids, shp

    def _new_id(self, w):
        from slovnet.shape import word_shape
        enc = self._any().infer.encoder
        if len(self._word_cache) > CACHE_LEMMAS:
            self._word_cache.clear()
        hit = self._word_cache[w] = (enc.words_vocab.encode(w.lower()), enc.shapes_vocab.encode(word_shape(w)))
        return hit

    def _any(self):
        return next(iter(self._models.values()))

    def _batches(self, sents):
        order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
        batch, ntok = [], 0
        for i in order:
            n = len(sents[i])
            if batch and (ntok + n > BATCH_TOKENS or len(batch) >= BATCH_SENTS
                          or n * (len(batch) + 1) > BATCH_TOKENS * 2):
                yield batch
                batch, ntok = [], 0
            batch.append(i)
            ntok += n
        if batch:
            yield batch

    def run(self, sents, names):
        """Run the models ``names`` ("morph", "syntax", "ner") on word lists.

        Returns a dict: ``morph`` -> per sentence tag-id arrays (and the tag vocabulary
        under ``morph_vocab``); ``syntax`` -> per sentence (heads, rel ids) with
        ``rel_vocab``; ``ner`` -> per sentence lists of BIO tags.
        """
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # pragma: no cover
            return self._run(sents, names)
        # one BLAS thread: the matrices are small, and results do not depend on the
        # thread count (the same in worker processes and in the main process)
        with threadpool_limits(1):
            return self._run(sents, names)

    def _run(self, sents, names):
        from slovnet.exec.model import gather_head
        models = {n: self.get(n) for n in names}
        enc = self._any().infer.encoder
        wv, sv = enc.words_vocab, enc.shapes_vocab
        emb = self._any().infer.model.emb.word
        indexes, codes = emb.indexes.array, emb.codes.array
        qdims = np.arange(codes.shape[0])
        out = {n: [None] * len(sents) for n in names}
        for batch in self._batches(sents):
            items = [self._ids(sents[i]) for i in batch]
            # one padding position at least: a sentence's result does not depend on its batch
            width = max(len(a) for a, _ in items) + 1
            word_id = np.full((len(items), width), wv.pad_id, dtype=np.int64)
            shape_id = np.full((len(items), width), sv.pad_id, dtype=np.int64)
            for r, (a, c) in enumerate(items):
                word_id[r, :len(a)] = a
                shape_id[r, :len(c)] = c
            pad = word_id == wv.pad_id
            uniq, inv = np.unique(word_id, return_inverse=True)
            vecs = codes[qdims, indexes[uniq]].reshape(len(uniq), -1)
            word_emb = vecs[inv.reshape(-1)].reshape(len(items), width, -1)
            for name in names:
                model = models[name].infer.model
                x = self._enc[name](word_emb, shape_id, pad)
                if name == "morph":
                    pred = model.head.proj(x).argmax(-1)
                    for r, i in enumerate(batch):
                        out[name][i] = pred[r, :len(sents[i])]
                elif name == "ner":
                    tags = model.head.crf.decode(model.head.proj(x), ~pad)
                    vocab = models[name].infer.decoder.tags_vocab
                    for r, i in enumerate(batch):
                        out[name][i] = [vocab.items[t] for t in tags[r][:len(sents[i])].tolist()]
                else:
                    head_pred = model.head(x)
                    head_id = model.head.decode(head_pred, ~pad)
                    rel = model.rel
                    hx = rel.head(gather_head(x, rel.root.array, head_id))
                    tx = rel.tail(x)
                    hid = tx.shape[-1]
                    a = (hx.reshape(-1, hid) @ rel.kernel.array).reshape(hx.shape[0] * hx.shape[1], -1, hid)
                    scores = np.einsum("nrh,nh->nr", a, tx.reshape(-1, hid))
                    rel_id = scores.argmax(-1).reshape(hx.shape[0], hx.shape[1])
                    for r, i in enumerate(batch):
                        n = len(sents[i])
                        out[name][i] = (head_id[r, :n], rel_id[r, :n])
        if "morph" in names:
            out["morph_vocab"] = models["morph"].infer.decoder.tags_vocab
        if "syntax" in names:
            out["rel_vocab"] = models["syntax"].infer.decoder.rels_vocab
        return out
