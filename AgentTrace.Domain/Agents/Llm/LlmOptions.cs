namespace AgentTrace.Domain.Agents.Llm;

/// <summary>
/// The LLM provider (<c>AgentTrace:Llm</c>): an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio), or
/// the built-in offline model when <see cref="Endpoint"/> is empty.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "AgentTrace:Llm";

    /// <summary>The API's base URL, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>How long one HTTP call to the endpoint may take.</summary>
    public double TimeoutSeconds { get; set; } = 120;

    public bool IsOffline => string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<string> Problems()
    {
        if (!IsOffline && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            yield return $"{Section}:Endpoint must be an absolute http or https URL (is '{Endpoint}')";
        }

        if (!IsOffline && string.IsNullOrWhiteSpace(Model))
        {
            yield return $"{Section}:Model must name the model to use with {Section}:Endpoint";
        }

        if (TimeoutSeconds is not (> 0 and <= 3600))
        {
            yield return $"{Section}:TimeoutSeconds must be more than 0 and at most 3600";
        }
    }
}
