import os

from qdrant_client import QdrantClient

store = QdrantClient(url=os.getenv("QDRANT_URL", "http://localhost:6333"))
