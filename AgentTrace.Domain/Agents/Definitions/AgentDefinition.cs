namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>
/// An agent: a graph of components run from its <c>Begin</c> component, and the webhook tools its
/// <c>Agent</c> components may call. Component ids are the keys of <see cref="Components"/>.
/// </summary>
public sealed record AgentDefinition
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyDictionary<string, ComponentDefinition> Components { get; init; }

    public IReadOnlyList<WebhookToolDefinition>? Tools { get; init; }
}
