namespace AgentTrace.Web.Api;

/// <summary>
/// One agent in the list of <c>GET /agents</c>: AgentTrace's fields and the ones RAGFlow's SDK reads into its
/// <c>Agent</c> (<c>title</c>, <c>avatar</c>, <c>canvas_type</c>).
/// </summary>
public sealed record AgentSummary(string Id, string? Name, string Title, string? Description, int Components, IReadOnlyList<string> ComponentTypes)
{
    /// <summary>Always null: agents have no picture.</summary>
    public string? Avatar => null;

    /// <summary>RAGFlow's kind of canvas; every AgentTrace agent is an agent.</summary>
    public string CanvasType => "agent";
}
