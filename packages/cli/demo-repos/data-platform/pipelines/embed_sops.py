"""Embeds standard operating procedures for the internal knowledge search."""
import os

from qdrant_client import QdrantClient
from sentence_transformers import SentenceTransformer

encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
qdrant = QdrantClient(url=os.environ.get("QDRANT_URL", "http://qdrant.data.internal:6333"))


def index(documents: list[str]) -> None:
    vectors = encoder.encode(documents)
    qdrant.upsert(
        collection_name="sops",
        points=[{"id": i, "vector": v.tolist(), "payload": {"text": d}} for i, (d, v) in enumerate(zip(documents, vectors))],
    )
