using System.Diagnostics.CodeAnalysis;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>Checks shared by the trace routes.</summary>
public static class TraceRoutes
{
    /// <summary>A 400 when the path's task id is malformed, else null.</summary>
    public static JsonHttpResult<Envelope<object>>? BadTaskId(string taskId) =>
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

    public static JsonHttpResult<Envelope<object>> TraceNotFound(string taskId) => ApiResults.NotFound($"trace {taskId}");
}
