using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AgentTrace.Domain.Serialization;

/// <summary>
/// Makes the strings and property names of a JSON document valid Unicode (the rule of <see cref="WellFormedText"/>):
/// bytes that are not UTF-8 and escapes of lone surrogates (<c>"\ud800"</c>) become U+FFFD. Only the strings that
/// need it are rewritten; the rest of the document is copied byte for byte, and each repaired string's path is told.
/// Text that is not JSON is left as it is, for the parser to describe.
/// </summary>
public static class Utf8JsonRepair
{
    private static readonly JavaScriptEncoder s_encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Repairs the document when it needs it; false (and nothing allocated) when it does not.</summary>
    /// <param name="json">The UTF-8 JSON text.</param>
    /// <param name="root">The path of the document itself (<c>$</c>, or a field's path such as <c>tool.arguments</c>).</param>
    /// <param name="options">How the document is read (depth, comments).</param>
    /// <param name="fixedJson">The repaired document.</param>
    /// <param name="repaired">The paths of the strings that were repaired.</param>
    public static bool TryRepair(ReadOnlySpan<byte> json, string root, JsonReaderOptions options, out byte[] fixedJson, out List<string> repaired)
    {
        fixedJson = [];
        repaired = [];
        if (!MayNeedRepair(json))
        {
            return false;
        }

        try
        {
            return Rewrite(json, root, options, out fixedJson, repaired);
        }
        catch (JsonException)
        {
            repaired.Clear();
            return false;
        }
    }

    /// <summary>A quick check that ordinary text passes: valid UTF-8 and no escape that could be a lone surrogate.</summary>
    public static bool MayNeedRepair(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return true;
        }

        for (var at = json.IndexOf("\\u"u8); at >= 0 && at + 3 < json.Length; at = NextEscape(json, at + 2))
        {
            if (json[at + 2] is (byte)'d' or (byte)'D' && HexValue(json[at + 3]) >= 8)
            {
                return true;
            }
        }

        return false;
    }

    private static int NextEscape(ReadOnlySpan<byte> json, int from)
    {
        var next = json[from..].IndexOf("\\u"u8);
        return next < 0 ? -1 : from + next;
    }

    private static bool Rewrite(ReadOnlySpan<byte> source, string root, JsonReaderOptions options, out byte[] fixedJson, List<string> repaired)
    {
        var reader = new Utf8JsonReader(source, options);
        var path = new JsonPathTracker(root);
        ArrayBufferWriter<byte>? output = null;
        var copied = 0;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                var raw = reader.ValueSpan;
                var bad = !Utf8.IsValid(raw) || (reader.ValueIsEscaped && HasLoneSurrogateEscape(raw));
                var text = bad ? Decode(raw) : null;
                if (token == JsonTokenType.PropertyName)
                {
                    path.Property(text ?? reader.GetString()!);
                }
                else
                {
                    path.Value();
                }

                if (bad)
                {
                    repaired.Add(path.Current);
                    output ??= new ArrayBufferWriter<byte>(source.Length + 16);
                    var start = checked((int)reader.TokenStartIndex);
                    output.Write(source[copied..start]);
                    output.Write("\""u8);
                    output.Write(JsonEncodedText.Encode(text!, s_encoder).EncodedUtf8Bytes);
                    output.Write("\""u8);
                    copied = start + raw.Length + 2;
                }

                continue;
            }

            switch (token)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Value();
                    path.Open(token == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.Close();
                    break;
                default:
                    path.Value();
                    break;
            }
        }

        if (output is null)
        {
            fixedJson = [];
            return false;
        }

        output.Write(source[copied..]);
        fixedJson = output.WrittenSpan.ToArray();
        return true;
    }

    /// <summary>True when an escape in the raw (still escaped) string is a surrogate without its partner.</summary>
    private static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                continue;
            }

            if (raw[i + 1] != 'u')
            {
                i++;
                continue;
            }

            var unit = Hex4(raw[(i + 2)..]);
            if (char.IsHighSurrogate(unit) && i + 11 < raw.Length && raw[i + 6] == '\\' && raw[i + 7] == 'u' && char.IsLowSurrogate(Hex4(raw[(i + 8)..])))
            {
                i += 11;
            }
            else if (char.IsSurrogate(unit))
            {
                return true;
            }
            else
            {
                i += 5;
            }
        }

        return false;
    }

    /// <summary>The raw string's text with escapes resolved, invalid UTF-8 and lone surrogates as U+FFFD.</summary>
    private static string Decode(ReadOnlySpan<byte> raw)
    {
        var units = new StringBuilder(raw.Length);
        var plain = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                continue;
            }

            units.Append(Encoding.UTF8.GetString(raw[plain..i]));
            var escape = raw[i + 1];
            if (escape == 'u')
            {
                units.Append(Hex4(raw[(i + 2)..]));
                i += 5;
            }
            else
            {
                units.Append(escape switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escape,
                });
                i++;
            }

            plain = i + 1;
        }

        units.Append(Encoding.UTF8.GetString(raw[plain..]));
        return WellFormedText.Repair(units.ToString());
    }

    private static char Hex4(ReadOnlySpan<byte> digits) =>
        (char)ushort.Parse(Encoding.ASCII.GetString(digits[..4]), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
