using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>
/// Counts tokens with the o200k_base tokenizer (shipped in a package, so it works offline). A chat adds
/// <see cref="PerMessage"/> tokens per message and <see cref="PerReply"/> for the reply's start, as OpenAI's chat
/// format does.
/// </summary>
public sealed class TokenCounter
{
    public const int PerMessage = 3;
    public const int PerReply = 3;

    private readonly Lazy<Tokenizer> _tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>Loads the tokenizer's vocabulary now rather than at the first count.</summary>
    public void Load() => _ = _tokenizer.Value;

    public int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.Value.CountTokens(text);

    public int Count(IEnumerable<ChatMessage> messages) =>
        messages.Sum(m => PerMessage + Count(ChatTranscript.Text(m))) + PerReply;
}
