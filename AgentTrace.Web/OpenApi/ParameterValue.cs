using System.Globalization;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;
using Microsoft.OpenApi;

namespace AgentTrace.Web.OpenApi;

/// <summary>What a parameter that a handler reads itself accepts, as the OpenAPI document states it.</summary>
public sealed record ParameterValue
{
    private ParameterValue(JsonSchemaType type)
    {
        Type = type;
    }

    public JsonSchemaType Type { get; }

    public string? Format { get; private init; }

    public string? Pattern { get; private init; }

    public int? MaxLength { get; private init; }

    public long? Minimum { get; private init; }

    public long? Maximum { get; private init; }

    public JsonNode? Default { get; private init; }

    /// <summary>The names allowed, for a name or a list of names.</summary>
    public IReadOnlyList<string>? Allowed { get; private init; }

    /// <summary>Whether the value is a comma-separated list (<c>style: form, explode: false</c>).</summary>
    public bool IsList => Type == JsonSchemaType.Array;

    /// <summary>Free text.</summary>
    public static ParameterValue Text { get; } = new(JsonSchemaType.String);

    /// <summary>A client-given id: 1..128 letters, digits and <c>- _ . : @</c>.</summary>
    public static ParameterValue Id { get; } = new(JsonSchemaType.String) { Pattern = "^[A-Za-z0-9._:@-]+$", MaxLength = TraceIds.MaxLength };

    /// <summary>An ISO 8601 time.</summary>
    public static ParameterValue Time { get; } = new(JsonSchemaType.String) { Format = "date-time" };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static ParameterValue Whole(long min, long max, long defaultValue) => new(JsonSchemaType.Integer)
    {
        Format = min >= int.MinValue && max <= int.MaxValue ? "int32" : "int64",
        Minimum = min,
        Maximum = max,
        Default = defaultValue,
    };

    /// <summary>One of a fixed set of names.</summary>
    public static ParameterValue OneOf(IEnumerable<string> names, string? defaultName = null) =>
        new(JsonSchemaType.String) { Allowed = [.. names], Default = defaultName };

    /// <summary>Names from a fixed set, comma-separated in one value.</summary>
    public static ParameterValue ListOf(IEnumerable<string> names) => new(JsonSchemaType.Array) { Allowed = [.. names] };

    public OpenApiSchema ToSchema()
    {
        if (IsList)
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Names() } };
        }

        return new OpenApiSchema
        {
            Type = Type,
            Format = Format,
            Pattern = Pattern,
            MaxLength = MaxLength,
            Minimum = Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = Maximum?.ToString(CultureInfo.InvariantCulture),
            Default = Default?.DeepClone(),
            Enum = Names(),
        };
    }

    private List<JsonNode>? Names() => Allowed?.Select(name => (JsonNode)name).ToList();
}
