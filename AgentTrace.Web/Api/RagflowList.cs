namespace AgentTrace.Web.Api;

/// <summary>A RAGFlow list answer: <c>{"code": 0, "message": "success", "data": [...], "total": N}</c>.</summary>
public sealed record RagflowList<T>(int Code, string Message, IReadOnlyList<T> Data, int Total)
{
    public static RagflowList<T> Of(IReadOnlyList<T> items, int total) => new(0, "success", items, total);
}
