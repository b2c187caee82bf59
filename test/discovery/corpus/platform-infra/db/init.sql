CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE chunks (id serial PRIMARY KEY, embedding vector(768));
