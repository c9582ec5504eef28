using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>The answers of the RAGFlow-compatible routes: RAGFlow's success envelope, its error envelope, and its codes.</summary>
public static class RagflowResults
{
    public const int ArgumentError = 101;
    public const int DataError = 102;
    public const int OperatingError = 103;
    public const int AuthenticationError = 109;
    public const int ServerError = 500;

    public static JsonHttpResult<RagflowError> Error(int status, string message) =>
        TypedResults.Json(new RagflowError(CodeFor(status), message), statusCode: status);

    /// <summary>An AgentTrace refusal (from the checks the routes share) in RAGFlow's envelope, with the same status and message.</summary>
    public static JsonHttpResult<RagflowError> From(JsonHttpResult<ErrorEnvelope> refusal) =>
        Error(refusal.StatusCode ?? StatusCodes.Status500InternalServerError, refusal.Value!.Message);

    public static JsonHttpResult<RagflowError> NotFound(string what) => Error(StatusCodes.Status404NotFound, $"{what} was not found");

    /// <summary>RAGFlow's code for an HTTP status.</summary>
    public static int CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge => ArgumentError,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuthenticationError,
        StatusCodes.Status404NotFound => DataError,
        StatusCodes.Status409Conflict or StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable => OperatingError,
        _ => ServerError,
    };
}
