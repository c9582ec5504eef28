namespace AgentTrace.Tests.Support;

/// <summary>What must never appear in an answer: .NET type names, exception text and stack frames.</summary>
public static class InternalText
{
    private static readonly string[] s_markers =
        ["System.", "Exception", "StackExchange", "Microsoft.", "   at ", "AgentTrace.Domain", "AgentTrace.Web", "could not be converted to", "Path: $", "LineNumber:"];

    public static void AssertNone(string text)
    {
        foreach (var marker in s_markers)
        {
            Assert.False(text.Contains(marker, StringComparison.Ordinal), $"the answer leaks internals ('{marker}'): {text}");
        }
    }
}
