using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Serialization;

/// <summary>
/// Numbers of the contract are finite: reading refuses what a double cannot hold (<c>1e400</c>) and the names
/// <c>NaN</c> and <c>Infinity</c>, with <see cref="Problem"/> as the message; a number sent as a string is read when
/// it is a finite number. Writing never fails: a value that is not finite is written as <c>null</c>.
/// </summary>
public sealed class FiniteNumberConverter : JsonConverter<double>
{
    public const string Problem = "must be a finite number";

    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(value) ? value : throw new JsonException(Problem);
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
