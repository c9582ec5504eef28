using System.Collections.Frozen;

namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>The component types, the fields each accepts, and the outputs each gives.</summary>
public static class ComponentTypes
{
    public const string Begin = "Begin";
    public const string Retrieval = "Retrieval";
    public const string Llm = "LLM";
    public const string Agent = "Agent";
    public const string Categorize = "Categorize";
    public const string Message = "Message";

    private static readonly FrozenDictionary<string, string[]> s_fields = new Dictionary<string, string[]>
    {
        [Begin] = [],
        [Retrieval] = ["query", "knowledge_bases", "top_k", "similarity_threshold"],
        [Llm] = ["system_prompt", "prompt", "temperature", "max_tokens"],
        [Agent] = ["system_prompt", "prompt", "temperature", "max_tokens", "tools", "max_rounds"],
        [Categorize] = ["query", "categories", "temperature"],
        [Message] = ["content"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> s_outputs = new Dictionary<string, string[]>
    {
        [Retrieval] = ["content", "chunks"],
        [Llm] = ["content"],
        [Agent] = ["content", "tool_calls"],
        [Categorize] = ["category"],
        [Message] = ["content"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> All => s_fields.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string type) => s_fields.ContainsKey(type);

    /// <summary>The type-specific fields a component of <paramref name="type"/> accepts.</summary>
    public static IReadOnlyList<string> FieldsOf(string type) => s_fields[type];

    /// <summary>The outputs of a component of <paramref name="type"/>; null when any name may be given (Begin's inputs).</summary>
    public static IReadOnlyList<string>? OutputsOf(string type) => s_outputs.GetValueOrDefault(type);
}
