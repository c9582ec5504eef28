using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Contract;

/// <summary>Builds the envelope answers of the API.</summary>
public static class ApiResults
{
    public static Ok<Envelope<T>> Ok<T>(T data) => TypedResults.Ok(new Envelope<T>(0, "success", data));

    public static Created<Envelope<T>> Created<T>(string location, T data) => TypedResults.Created(location, new Envelope<T>(0, "success", data));

    public static JsonHttpResult<ErrorEnvelope> Error(int status, string message) =>
        TypedResults.Json(new ErrorEnvelope(status, message), statusCode: status);

    public static JsonHttpResult<ErrorEnvelope> BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static JsonHttpResult<ErrorEnvelope> NotFound(string what) => Error(StatusCodes.Status404NotFound, $"{what} was not found");

    public static JsonHttpResult<ErrorEnvelope> Conflict(string message) => Error(StatusCodes.Status409Conflict, message);

    /// <summary>Writes an error envelope outside an endpoint (authentication, limits, unhandled errors).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorEnvelope(status, message));
    }
}
