using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AgentTrace.Web.OpenApi;

/// <summary>
/// Makes the schemas say what the API's JSON contract really writes:
/// <list type="bullet">
/// <item>numbers are numbers (the contract also reads them from strings, which clients need not know);</item>
/// <item>values written by the contract's own converters (times, finite numbers, enum names) keep their JSON type;</item>
/// <item>a field that may be null is left out when it is, so it is not required;</item>
/// <item>the <c>data</c> of an <see cref="ErrorEnvelope"/> is null.</item>
/// </list>
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    private const JsonSchemaType Numeric = JsonSchemaType.Integer | JsonSchemaType.Number;

    /// <summary>The mark by which the document generator makes a property's schema nullable.</summary>
    private const string NullableProperty = "x-is-nullable-property";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { Name: "data" } data)
        {
            if (data.DeclaringType == typeof(ErrorEnvelope))
            {
                schema.Type = JsonSchemaType.Null;
                schema.Description = "Always null.";
                return Task.CompletedTask;
            }

            if (data.DeclaringType.IsGenericType && data.DeclaringType.GetGenericTypeDefinition() == typeof(Envelope<>))
            {
                // A successful answer always has its data; the exporter cannot tell for a generic parameter.
                schema.Metadata?.Remove(NullableProperty);
                schema.Type &= ~JsonSchemaType.Null;
            }
        }

        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var clrType = context.JsonTypeInfo.Type;
        var valueType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (schema.Type is null && ConvertedType(valueType) is { } written)
        {
            schema.Type = valueType != clrType ? written | JsonSchemaType.Null : written;
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (AlwaysWritten(property))
                {
                    (schema.Required ??= new HashSet<string>()).Add(property.Name);
                }
                else if (MayBeNull(property))
                {
                    schema.Required?.Remove(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static JsonSchemaType? ConvertedType(Type type) =>
        type == typeof(DateTimeOffset) || type == typeof(DateTime) || type.IsEnum ? JsonSchemaType.String
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? JsonSchemaType.Number
        : null;

    /// <summary>A field that may be null is left out when it is (the contract writes with <c>WhenWritingNull</c>)...</summary>
    private static bool MayBeNull(JsonPropertyInfo property) =>
        property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;

    /// <summary>...unless its property says it is always written (<c>JsonIgnoreCondition.Never</c>).</summary>
    private static bool AlwaysWritten(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition == JsonIgnoreCondition.Never) == true;
}
