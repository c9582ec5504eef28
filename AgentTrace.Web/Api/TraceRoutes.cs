using System.Diagnostics.CodeAnalysis;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>Checks shared by the trace routes.</summary>
public static class TraceRoutes
{
    public const string TaskIdDescription = "The trace's task id: 32 lowercase hexadecimal characters.";

    /// <summary>A 400 when the path's task id is malformed, else null.</summary>
    public static JsonHttpResult<ErrorEnvelope>? BadTaskId(string taskId) =>
        TraceIds.IsTaskId(taskId)
            ? null
            : ApiResults.BadRequest($"task_id must be 32 lowercase hexadecimal characters (got {(taskId.Length > 40 ? taskId.Length + " characters" : "'" + taskId + "'")})");

    /// <summary>Reads the <c>format</c> query parameter strictly, with a default when it is absent.</summary>
    public static bool TryReadFormat(HttpRequest request, TraceFormat defaultFormat, out TraceFormat format, [NotNullWhen(false)] out string? problem)
    {
        var text = new QueryReader(request.Query).Text("format");
        if (text is null)
        {
            (format, problem) = (defaultFormat, null);
            return true;
        }

        return TraceFormatter.TryParseFormat(text, out format, out problem);
    }

    /// <summary>Declares the <c>format</c> query parameter that <see cref="TryReadFormat"/> reads.</summary>
    public static RouteHandlerBuilder WithFormatQuery(this RouteHandlerBuilder builder, TraceFormat defaultFormat) =>
        builder.WithQuery("format", ParameterValue.OneOf(TraceFormatNames.All, defaultFormat.Name()), $"The trace's format (default {defaultFormat.Name()}).");

    public static JsonHttpResult<ErrorEnvelope> TraceNotFound(string taskId) => ApiResults.NotFound($"trace {taskId}");
}
