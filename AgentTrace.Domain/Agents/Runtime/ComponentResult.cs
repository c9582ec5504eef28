using System.Text.Json.Nodes;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>What a component gave: its outputs, and the components to run next (all of its downstream when null).</summary>
public sealed record ComponentResult(JsonObject Outputs, IReadOnlyList<string>? Next = null);
