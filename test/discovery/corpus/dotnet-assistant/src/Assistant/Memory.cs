using Qdrant.Client;

namespace Assistant;

public static class Memory
{
    public static QdrantClient Open() => new QdrantClient("localhost");
}
