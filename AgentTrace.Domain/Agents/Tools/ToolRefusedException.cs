namespace AgentTrace.Domain.Agents.Tools;

/// <summary>A tool call the tool will not make (bad arguments, a host that is not allowed); the model is told why.</summary>
public sealed class ToolRefusedException(string message) : Exception(message);
