using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Serialization;

/// <summary>
/// The one source of the JSON contract's settings (DESIGN §3): snake_case names, nulls left out, unknown fields
/// refused, UTC timestamps, finite numbers, and text escaped only where JSON requires it, so prompts in any language
/// stay readable. The source-generated contexts take the constants in their attributes; everything else applies
/// <see cref="Apply"/>.
/// </summary>
public static class WireJson
{
    public const JsonKnownNamingPolicy Naming = JsonKnownNamingPolicy.SnakeCaseLower;
    public const JsonIgnoreCondition Ignore = JsonIgnoreCondition.WhenWritingNull;
    public const JsonUnmappedMemberHandling Unmapped = JsonUnmappedMemberHandling.Disallow;

    /// <summary>Sets the contract's settings on <paramref name="options"/>; resolvers are the caller's.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = Ignore;
        options.UnmappedMemberHandling = Unmapped;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new FiniteNumberConverter());
    }

    /// <summary>New options with the contract's settings, for a context's <c>Wire</c> instance.</summary>
    public static JsonSerializerOptions NewOptions()
    {
        var options = new JsonSerializerOptions();
        Apply(options);
        return options;
    }
}
