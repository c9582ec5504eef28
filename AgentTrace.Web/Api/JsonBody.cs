using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api;

/// <summary>
/// Reads a JSON request body with the API's strict options and turns every failure into a message that says
/// where the problem is and what to change (never a .NET type name or a stack trace).
/// </summary>
public static partial class JsonBody
{
    /// <summary>The body as a document, or the problem; an empty body is a problem.</summary>
    public static async Task<(JsonDocument? Document, string? Problem)> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"the body must be JSON (Content-Type: application/json), not {type}");
        }

        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, Describe(ex));
        }
    }

    /// <summary>The body as a <typeparamref name="T"/>, or the problem.</summary>
    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadDocumentAsync(context.Request, cancellationToken);
        using var body = document;
        return problem is not null ? (default, problem) : Convert<T>(body!.RootElement, context);
    }

    /// <summary>A value of <typeparamref name="T"/> from JSON, or the problem.</summary>
    public static (T? Value, string? Problem) Convert<T>(JsonElement element, HttpContext context, string where = "$")
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return (element.Deserialize<T>(options), null);
        }
        catch (JsonException ex)
        {
            return (default, Describe(ex, where));
        }
    }

    /// <summary>What is wrong with the JSON, in words a client can act on.</summary>
    public static string Describe(JsonException ex, string where = "$")
    {
        var path = ex.Path is { Length: > 1 } p ? where + p[1..] : where;
        var message = ex.Message;
        if (UnmappedMember().Match(message) is { Success: true } unknown)
        {
            return $"{path}: unknown field '{unknown.Groups[1].Value}'";
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
            return $"the JSON is nested too deeply (at most 64 levels)";
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
