namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>A reference to an output in a text field: <c>{component_id.field}</c>, or <c>{sys.query}</c>.</summary>
public readonly record struct ParameterReference(string Source, string Field)
{
    /// <summary>The source name of the run's own values: <c>query</c>, <c>session_id</c>, <c>user_id</c>.</summary>
    public const string System = "sys";

    public static readonly IReadOnlyList<string> SystemFields = ["query", "session_id", "user_id"];

    public override string ToString() => $"{{{Source}.{Field}}}";
}
