namespace AgentTrace.Tests.Support;

/// <summary>What <see cref="FakeChatServer"/> answers to the next chat completion request.</summary>
public sealed record FakeReply
{
    public string? Text { get; init; }

    /// <summary>A tool call: the function name and its arguments as a JSON string.</summary>
    public (string Name, string Arguments)? ToolCall { get; init; }

    /// <summary>Waits this long before answering (a slow model).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answers 200 with a body that is not JSON.</summary>
    public bool Garbage { get; init; }

    /// <summary>Closes the connection without an answer.</summary>
    public bool Close { get; init; }

    /// <summary>Leaves the token usage out of the answer.</summary>
    public bool OmitUsage { get; init; }

    public int PromptTokens { get; init; } = 42;

    public int CompletionTokens { get; init; } = 7;

    public static FakeReply Say(string text) => new() { Text = text };

    public static FakeReply Call(string name, string arguments) => new() { ToolCall = (name, arguments) };
}
