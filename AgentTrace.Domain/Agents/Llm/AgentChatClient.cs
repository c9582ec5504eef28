using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>The chat client of the built-in agents: the registered <see cref="IChatClient"/> behind <see cref="TracingChatClient"/>.</summary>
public sealed class AgentChatClient(IChatClient provider, TokenCounter tokens)
{
    public IChatClient Client { get; } = new TracingChatClient(provider, tokens);
}
