using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Redacts and cuts one JSON value: values under secret keys become <c>[REDACTED]</c>, credential-looking
/// text is masked, strings longer than the limit and arrays longer than <see cref="LevelLimits.MaxArrayItems"/>
/// are cut, and each cut is reported by its path (<c>inputs.messages[2].content</c>).
/// Text that is not valid Unicode is repaired first (<see cref="Utf8JsonRepair"/>), and listed like a cut.
/// A value that needs no change is returned as it is.
/// </summary>
internal sealed class JsonValueSanitizer(Redactor redactor)
{
    public JsonElement Sanitize(JsonElement value, string path, int textLimit, ref List<string>? truncated)
    {
        if (Utf8JsonRepair.TryRepair(JsonMarshal.GetRawUtf8Value(value), path, default, out var repairedJson, out var repaired))
        {
            (truncated ??= []).AddRange(repaired);
            using var fixedDocument = JsonDocument.Parse(repairedJson);
            value = fixedDocument.RootElement.Clone();
        }

        if (!NeedsRewrite(value, textLimit))
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, path, textLimit, ref truncated);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private bool NeedsRewrite(JsonElement value, int textLimit)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return text.Length > textLimit || !ReferenceEquals(redactor.Redact(text), text);
            case JsonValueKind.Array:
                if (value.GetArrayLength() > LevelLimits.MaxArrayItems)
                {
                    return true;
                }

                foreach (var item in value.EnumerateArray())
                {
                    if (NeedsRewrite(item, textLimit))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (redactor.IsSecretKey(property.Name) || NeedsRewrite(property.Value, textLimit))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private void Write(Utf8JsonWriter writer, JsonElement value, string path, int textLimit, ref List<string>? truncated)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(TextCutter.Cut(redactor.Redact(value.GetString()!), textLimit, path, ref truncated));
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (index == LevelLimits.MaxArrayItems)
                    {
                        (truncated ??= []).Add(path);
                        break;
                    }

                    Write(writer, item, $"{path}[{index}]", textLimit, ref truncated);
                    index++;
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (redactor.IsSecretKey(property.Name))
                    {
                        writer.WriteStringValue(Redactor.Mask);
                    }
                    else
                    {
                        Write(writer, property.Value, $"{path}.{property.Name}", textLimit, ref truncated);
                    }
                }

                writer.WriteEndObject();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
