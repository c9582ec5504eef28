using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTrace.Domain.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api;

/// <summary>
/// Reads a JSON request body with the API's strict options and turns every failure into a message that says
/// where the problem is and what to change (never a .NET type name or a stack trace).
/// </summary>
public static partial class JsonBody
{
    private const int MaxDepth = 64;

    /// <summary>The read options of each app's JSON options: the same contract, and nulls only where a field may be null.</summary>
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> s_readOptions = [];

    /// <summary>
    /// The body as a document, or the problem; an empty body is a problem unless <paramref name="emptyIsObject"/>, when
    /// it reads as <c>{}</c>. Text that is not valid Unicode is repaired first (<see cref="Utf8JsonRepair"/>), and the
    /// paths of the repaired strings are given.
    /// </summary>
    public static async Task<(JsonDocument? Document, IReadOnlyList<string> Repaired, string? Problem)> ReadDocumentAsync(
        HttpRequest request, CancellationToken cancellationToken, bool emptyIsObject = false)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, [], $"the body must be JSON (Content-Type: application/json), not {type}");
        }

        // The declared length sizes the buffer up to 1 MiB; past that it grows with what really arrives.
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, 1 << 20));
        await request.Body.CopyToAsync(buffer, cancellationToken);
        ReadOnlyMemory<byte> json = buffer.Length == 0 && emptyIsObject ? "{}"u8.ToArray() : buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (Utf8JsonRepair.TryRepair(json.Span, "$", new JsonReaderOptions { MaxDepth = MaxDepth }, out var fixedJson, out var repaired))
        {
            json = fixedJson;
        }

        try
        {
            return (JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth }), repaired, null);
        }
        catch (JsonException ex)
        {
            return (null, [], Describe(ex));
        }
    }

    /// <summary>The body, which must be a JSON object, as a <typeparamref name="T"/>; or the problem.</summary>
    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await ReadDocumentAsync(context.Request, cancellationToken);
        using var body = document;
        if (problem is not null)
        {
            return (default, problem);
        }

        return body!.RootElement.ValueKind == JsonValueKind.Object
            ? Convert<T>(body.RootElement, context)
            : (default, $"the body must be a JSON object ({{...}}), not {Kind(body.RootElement)}");
    }

    /// <summary>A value of <typeparamref name="T"/> from JSON, or the problem.</summary>
    public static (T? Value, string? Problem) Convert<T>(JsonElement element, HttpContext context, string where = "$")
    {
        var contract = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var options = s_readOptions.GetValue(contract, o => new JsonSerializerOptions(o) { RespectNullableAnnotations = true });
        try
        {
            return (element.Deserialize<T>(options), null);
        }
        catch (JsonException ex)
        {
            return (default, Describe(ex, where));
        }
    }

    /// <summary>What kind of JSON value this is, in words: an array, a string, null.</summary>
    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>What is wrong with the JSON, in words a client can act on.</summary>
    public static string Describe(JsonException ex, string where = "$")
    {
        var path = ex.Path is { Length: > 1 } p ? where + p[1..] : where;
        var message = ex.Message;
        if (UnmappedMember().Match(message) is { Success: true } unknown)
        {
            return $"{path}: unknown field '{unknown.Groups[1].Value}'";
        }

        if (message.Contains(FiniteNumberConverter.Problem, StringComparison.Ordinal))
        {
            return $"{path} {FiniteNumberConverter.Problem} (not NaN, Infinity or beyond ±1.7e308)";
        }

        if (message.Contains("allow setting null values", StringComparison.Ordinal) || message.Contains("allow null values", StringComparison.Ordinal))
        {
            return $"{path} must not be null";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"{path}: required field(s) missing: {missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal)}";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"{path} has a value of the wrong type or an unknown name";
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"the JSON is nested too deeply (at most {MaxDepth} levels)";
        }

        return ex.LineNumber is { } line
            ? $"the body is not valid JSON (line {line + 1}, byte {ex.BytePositionInLine + 1})"
            : $"{path} is not valid JSON";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("missing required properties including: (.*)\\.")]
    private static partial Regex MissingRequired();
}
