using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Recording;

/// <summary>The level table of DESIGN §4, truncation with paths, and redaction, on one event.</summary>
public sealed class EventSanitizerTests
{
    private static readonly EventSanitizer s_sanitizer = new(new Redactor(Options.Create(new RedactionOptions())));

    private static readonly string s_long = new('a', 70_000);

    [Theory]
    [InlineData(TraceLevel.Standard, 500)]
    [InlineData(TraceLevel.Detailed, 8_000)]
    [InlineData(TraceLevel.Debug, 65_536)]
    public void Sanitize_TextFields_CutToLevelLimitWithPaths(TraceLevel level, int limit)
    {
        var e = Sanitize(RichEvent(), level);

        Assert.Equal(limit, e.Llm!.Prompt!.Length);
        Assert.Equal(limit, e.Llm.Response!.Length);
        Assert.Equal(limit, e.Thoughts!.Length);
        Assert.Equal(limit, e.Inputs!.Value.GetProperty("question").GetString()!.Length);
        Assert.Equal(limit, e.Llm.Messages![0].Content!.Length);
        Assert.Contains("llm.prompt", e.Truncated!);
        Assert.Contains("llm.response", e.Truncated!);
        Assert.Contains("llm.messages[0].content", e.Truncated!);
        Assert.Contains("thoughts", e.Truncated!);
        Assert.Contains("inputs.question", e.Truncated!);
        Assert.Equal("short", e.Outputs!.Value.GetProperty("answer").GetString());
        Assert.DoesNotContain("outputs.answer", e.Truncated!);
    }

    [Fact]
    public void Sanitize_Minimal_DropsTextButKeepsCountsAndTimings()
    {
        var e = Sanitize(RichEvent(), TraceLevel.Minimal);

        Assert.Null(e.Inputs);
        Assert.Null(e.Outputs);
        Assert.Null(e.Thoughts);
        Assert.Null(e.Llm!.Prompt);
        Assert.Null(e.Llm.Response);
        Assert.Null(e.Llm.Messages);
        Assert.Equal(120, e.Llm.PromptTokens);
        Assert.Equal(150, e.Llm.TotalTokens);
        Assert.Equal("gpt-x", e.Llm.ModelName);
        Assert.Equal(1.25, e.ElapsedTime);
        Assert.Equal("failed: boom", e.Error);
    }

    [Theory]
    [InlineData(TraceLevel.Minimal, 0, null)]
    [InlineData(TraceLevel.Standard, 5, 200)]
    [InlineData(TraceLevel.Detailed, 8, 2_000)]
    [InlineData(TraceLevel.Debug, 8, 3_000)]
    public void Sanitize_Chunks_KeptAndCutPerLevel(TraceLevel level, int kept, int? contentLength)
    {
        var chunks = Enumerable.Range(0, 8).Select(i => new RetrievedChunk { ChunkId = $"c{i}", DocumentName = "doc.md", Content = new string('x', 3_000), Score = 1.0 - (i * 0.1) }).ToList();
        var e = Sanitize(new TraceEvent { EventType = TraceEventType.RetrievalCompleted, Retrieval = new RetrievalPayload { Query = "q", Chunks = chunks } }, level);

        Assert.Equal(8, e.Retrieval!.ChunksRetrieved);
        Assert.Equal(kept, e.Retrieval.Chunks?.Count ?? 0);
        if (contentLength is { } length)
        {
            Assert.All(e.Retrieval.Chunks!, c => Assert.Equal(length, c.Content!.Length));
            Assert.Equal("c0", e.Retrieval.Chunks![0].ChunkId);
        }

        Assert.Equal(kept is > 0 and < 8, e.Truncated?.Contains("retrieval.chunks") ?? false);
    }

    [Fact]
    public void Sanitize_SecretKeysAndCredentials_RedactedAtEveryLevel()
    {
        foreach (var level in Enum.GetValues<TraceLevel>())
        {
            var e = Sanitize(new TraceEvent
            {
                EventType = TraceEventType.ToolCallCompleted,
                Error = "call failed with Authorization: Bearer abcdefghijklmnopqrstu",
                Metadata = Events.Json("""{"api_key":"plain","nested":{"Client-Secret":"s3cr3t","max_tokens":100}}"""),
                Tool = new ToolPayload { ToolName = "http", Arguments = Events.Json("""{"headers":{"Authorization":"Basic Zm9vOmJhcg=="},"url":"https://x.test/?key=sk-abcdefghijklmnopqrstuvwx"}""") },
            }, level);

            Assert.DoesNotContain("abcdefghijklmnopqrstu", e.Error);
            Assert.Contains("[REDACTED]", e.Error);
            var metadata = e.Metadata!.Value;
            Assert.Equal("[REDACTED]", metadata.GetProperty("api_key").GetString());
            Assert.Equal("[REDACTED]", metadata.GetProperty("nested").GetProperty("Client-Secret").GetString());
            Assert.Equal(100, metadata.GetProperty("nested").GetProperty("max_tokens").GetInt32());
            if (level != TraceLevel.Minimal)
            {
                var arguments = e.Tool!.Arguments!.Value;
                Assert.Equal("[REDACTED]", arguments.GetProperty("headers").GetProperty("Authorization").GetString());
                Assert.Equal("https://x.test/?key=[REDACTED]", arguments.GetProperty("url").GetString());
            }
        }
    }

    [Theory]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----")]
    [InlineData("aws AKIAIOSFODNN7EXAMPLE key")]
    [InlineData("gh token ghp_0123456789abcdefghijklmnopqrstuvwxyz")]
    [InlineData("slack xoxb-123456789012-abcdefghij")]
    public void Redact_CredentialLookingText_IsMasked(string text)
    {
        var redacted = new Redactor(Options.Create(new RedactionOptions())).Redact(text);

        Assert.Contains("[REDACTED]", redacted);
    }

    [Fact]
    public void Redact_OrdinaryText_IsUnchanged()
    {
        const string text = "The bearer of this message asked about skis and sk-8 boards; see eyJ docs.";

        Assert.Same(text, new Redactor(Options.Create(new RedactionOptions())).Redact(text));
    }

    [Fact]
    public void Redact_ConfiguredPatternsAndKeys_AreApplied()
    {
        var redactor = new Redactor(Options.Create(new RedactionOptions { Patterns = [@"ACME-\d{6}"], Keys = ["internal_id"] }));

        Assert.Equal("ticket [REDACTED] open", redactor.Redact("ticket ACME-123456 open"));
        Assert.True(redactor.IsSecretKey("Internal-ID"));
        Assert.False(redactor.IsSecretKey("prompt_tokens"));
    }

    [Fact]
    public void Sanitize_LongArray_CutTo1000Items()
    {
        var items = string.Join(",", Enumerable.Range(0, 1500));
        var e = Sanitize(new TraceEvent { EventType = TraceEventType.NodeFinished, Outputs = Events.Json($$"""{"ids":[{{items}}]}""") }, TraceLevel.Debug);

        Assert.Equal(1000, e.Outputs!.Value.GetProperty("ids").GetArrayLength());
        Assert.Equal(["outputs.ids"], e.Truncated!);
    }

    [Fact]
    public void Sanitize_NothingToChange_KeepsValuesAndNoTruncatedList()
    {
        var inputs = Events.Json("""{"question":"hi"}""");

        var e = Sanitize(new TraceEvent { EventType = TraceEventType.NodeStarted, Inputs = inputs }, TraceLevel.Standard);

        Assert.Null(e.Truncated);
        Assert.Equal("hi", e.Inputs!.Value.GetProperty("question").GetString());
    }

    [Theory]
    [InlineData(TraceLevel.Minimal, false)]
    [InlineData(TraceLevel.Standard, false)]
    [InlineData(TraceLevel.Detailed, true)]
    [InlineData(TraceLevel.Debug, true)]
    public void Limits_ThinkingEvents_RecordedFromDetailed(TraceLevel level, bool recorded)
    {
        var limits = LevelLimits.For(level);

        Assert.Equal(recorded, limits.Records(TraceEventType.ThinkingStarted));
        Assert.Equal(recorded, limits.Records(TraceEventType.ThinkingCompleted));
        Assert.True(limits.Records(TraceEventType.LlmCallCompleted));
    }

    private static TraceEvent Sanitize(TraceEvent e, TraceLevel level) => s_sanitizer.Sanitize(e, LevelLimits.For(level), 1, "e1");

    private static TraceEvent RichEvent() => new()
    {
        EventType = TraceEventType.LlmCallCompleted,
        Inputs = Events.Json($$"""{"question":"{{s_long}}"}"""),
        Outputs = Events.Json("""{"answer":"short"}"""),
        Thoughts = s_long,
        Error = "failed: boom",
        ElapsedTime = 1.25,
        Llm = new LlmPayload
        {
            ModelName = "gpt-x",
            Prompt = s_long,
            Response = s_long,
            Messages = [new ChatMessageRecord { Role = "user", Content = s_long }],
            PromptTokens = 120,
            CompletionTokens = 30,
        },
    };
}
