CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;

CREATE TABLE documents (
    id bigserial PRIMARY KEY,
    embedding vector(1536)
);
