using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>
/// Fetches a URL with GET, only from hosts in <see cref="AgentsOptions.HttpGetAllowedHosts"/>; any other host is
/// refused. Returns the status, content type and the body's text (cut to <see cref="MaxBodyChars"/>).
/// </summary>
public sealed class HttpGetTool(ToolHttp http, IOptions<AgentsOptions> options) : IAgentTool
{
    public const string ToolName = "http_get";
    public const int MaxBodyChars = 16_384;

    public string Name => ToolName;

    public string ToolType => "builtin";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        ToolName,
        "Fetches a web page or JSON document with HTTP GET from an allowed host.",
        ToolArguments.Schema("""{"type":"object","properties":{"url":{"type":"string","description":"An absolute http or https URL"}},"required":["url"]}"""),
        returnJsonSchema: null);

    public async Task<JsonElement> InvokeAsync(JsonElement arguments, CancellationToken cancellationToken = default)
    {
        var text = ToolArguments.RequiredString(arguments, "url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ToolRefusedException($"'{text}' is not an absolute http or https URL");
        }

        var allowed = options.Value.HttpGetAllowedHosts;
        if (!allowed.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new ToolRefusedException(allowed.Count == 0
                ? $"host '{url.Host}' is not allowed: no host is allowed (AgentTrace:Agents:HttpGetAllowedHosts is empty)"
                : $"host '{url.Host}' is not allowed; allowed hosts are {string.Join(", ", allowed)}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var (status, contentType, body) = await http.SendAsync(request, TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        var result = new JsonObject
        {
            ["status"] = status,
            ["content_type"] = contentType,
            ["body"] = body.Length > MaxBodyChars ? body[..MaxBodyChars] : body,
            ["truncated"] = body.Length > MaxBodyChars,
        };
        return JsonSerializer.SerializeToElement(result, TraceJsonContext.Default.JsonObject);
    }
}
