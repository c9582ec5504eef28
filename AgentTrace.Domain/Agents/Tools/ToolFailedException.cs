namespace AgentTrace.Domain.Agents.Tools;

/// <summary>A tool call that failed or timed out; it fails the component that made it.</summary>
public sealed class ToolFailedException(string message, Exception inner) : Exception(message, inner);
