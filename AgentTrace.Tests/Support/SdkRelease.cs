namespace AgentTrace.Tests.Support;

/// <summary>Which RAGFlow Python SDK release's <c>Session.ask</c> to send as.</summary>
public enum SdkRelease
{
    /// <summary>0.25.0 and earlier: <c>POST /agents/{agent_id}/completions</c> with <c>question</c>.</summary>
    V0250,

    /// <summary>0.25.1 and later, 0.27.0 included: <c>POST /agents/chat/completions</c> with <c>agent_id</c> and <c>query</c>.</summary>
    V0270,
}
