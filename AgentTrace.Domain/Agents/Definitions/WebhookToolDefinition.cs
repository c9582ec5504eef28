using System.Text.Json;

namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>A tool declared by an agent: its arguments are POSTed as JSON to <see cref="Url"/>.</summary>
public sealed record WebhookToolDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required string Url { get; init; }

    /// <summary>The JSON schema of the arguments (an object schema).</summary>
    public JsonElement? Parameters { get; init; }

    public double? TimeoutSeconds { get; init; }
}
