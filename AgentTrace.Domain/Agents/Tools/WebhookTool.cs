using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>
/// A tool declared by an agent: POSTs the arguments as JSON to its URL and returns the answer (parsed when it is
/// JSON). A status other than 2xx, or no answer within the timeout, fails the call.
/// </summary>
public sealed class WebhookTool(WebhookToolDefinition definition, ToolHttp http, TimeSpan timeout) : IAgentTool
{
    private static readonly JsonElement s_anyObject = ToolArguments.Schema("""{"type":"object"}""");

    public string Name => definition.Name;

    public string ToolType => "webhook";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        definition.Name, definition.Description ?? $"Calls the {definition.Name} webhook.", definition.Parameters ?? s_anyObject, returnJsonSchema: null);

    public async Task<JsonElement> InvokeAsync(JsonElement arguments, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, definition.Url)
        {
            Content = new StringContent(arguments.GetRawText(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        var (status, contentType, body) = await http.SendAsync(request, definition.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : timeout, cancellationToken).ConfigureAwait(false);
        if (status is < 200 or > 299)
        {
            throw new HttpRequestException($"webhook {definition.Name} answered HTTP {status}: {(body.Length > 200 ? body[..200] + "…" : body)}");
        }

        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException($"webhook {definition.Name} answered with invalid JSON: {ex.Message}", ex);
            }
        }

        return JsonSerializer.SerializeToElement(body, TraceJsonContext.Default.String);
    }
}
