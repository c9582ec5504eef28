namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>A category of a <c>Categorize</c> component: what belongs in it, and the component it leads to.</summary>
public sealed record CategoryDefinition
{
    public string? Description { get; init; }

    public IReadOnlyList<string>? Examples { get; init; }

    public required string To { get; init; }
}
