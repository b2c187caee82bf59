from langchain_openai import OpenAIEmbeddings
from sentence_transformers import SentenceTransformer

embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
local_encoder = SentenceTransformer("all-MiniLM-L6-v2")


def embed(texts):
    return embeddings.embed_documents(texts)
