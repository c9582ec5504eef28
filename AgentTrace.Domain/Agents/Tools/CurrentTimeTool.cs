using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>The current date and time, in UTC and in a time zone the model may name.</summary>
public sealed class CurrentTimeTool(TimeProvider clock) : IAgentTool
{
    public const string ToolName = "current_time";

    public string Name => ToolName;

    public string ToolType => "builtin";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        ToolName,
        "Returns the current date and time.",
        ToolArguments.Schema("""{"type":"object","properties":{"timezone":{"type":"string","description":"An IANA time zone such as Europe/Paris; UTC when absent"}}}"""),
        returnJsonSchema: null);

    public Task<JsonElement> InvokeAsync(JsonElement arguments, CancellationToken cancellationToken = default)
    {
        var zoneId = ToolArguments.OptionalString(arguments, "timezone") ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw new ToolRefusedException($"'{zoneId}' is not a known time zone; use an IANA name such as Europe/Paris");
        }

        var now = clock.GetUtcNow();
        var result = new JsonObject
        {
            ["utc"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["timezone"] = zone.Id,
            ["local"] = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        return Task.FromResult(JsonSerializer.SerializeToElement(result, TraceJsonContext.Default.JsonObject));
    }
}
