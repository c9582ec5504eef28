using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm;

public static class TracingChatClientExtensions
{
    /// <summary>Adds <see cref="TracingChatClient"/> to a chat client pipeline.</summary>
    public static ChatClientBuilder UseAgentTrace(this ChatClientBuilder builder, TokenCounter? tokens = null) =>
        builder.Use(inner => new TracingChatClient(inner, tokens ?? new TokenCounter()));
}
