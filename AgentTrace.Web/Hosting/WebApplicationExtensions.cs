using AgentTrace.Domain.Storage;
using AgentTrace.Web.Api;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Contract;
using AgentTrace.Web.Hubs;
using Microsoft.AspNetCore.Diagnostics;

namespace AgentTrace.Web.Hosting;

public static class WebApplicationExtensions
{
    /// <summary>The request pipeline: errors as envelopes, authentication, roles, rate limits.</summary>
    public static WebApplication UseAgentTraceWeb(this WebApplication app)
    {
        // Load the keys now, so that a first start prints its admin key before the first request.
        app.Services.GetRequiredService<ApiKeyRegistry>();
        app.UseExceptionHandler(error => error.Run(WriteUnhandledAsync));
        app.UseStatusCodePages(WriteStatusAsync);
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps every route of the API, the OpenAPI document, health probes and the hub.</summary>
    public static WebApplication MapAgentTraceApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapTracesApi();
        app.MapTraceStreamApi();
        app.MapIngestApi();
        app.MapAgentTraceHealth();
        app.MapTraceHub();
        app.MapAgentsApi();
        app.MapCompletionsApi();
        app.MapRagflowApi();
        return app;
    }

    private static Task WriteUnhandledAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return error switch
        {
            BadHttpRequestException bad => ApiResults.WriteErrorAsync(context, bad.StatusCode, BadRequestMessage(bad)),
            { } failure when StoreFailure.IsOutage(failure) => StoreUnreachableAsync(context),
            _ => ApiResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "the server failed to handle this request; the error is in its log"),
        };
    }

    /// <summary>Redis cannot be reached: a 503 the client may retry (recording meanwhile waits in the server's queue).</summary>
    private static Task StoreUnreachableAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return ApiResults.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
            "the trace store (Redis) cannot be reached; retry shortly, and see /readyz for the reason");
    }

    private static string BadRequestMessage(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "the request body is larger than this server accepts (AgentTrace:Limits:MaxRequestBytes); send less, e.g. smaller batches of events",
        StatusCodes.Status408RequestTimeout => "the request body arrived too slowly; send it at once",
        _ => "the request could not be read: its headers or body are malformed, or it ended early",
    };

    private static Task WriteStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var message = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"no route {context.Request.Path}; see /openapi/v1.json",
            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}",
            _ => $"the request failed with status {context.Response.StatusCode}",
        };
        return ApiResults.WriteErrorAsync(context, context.Response.StatusCode, message);
    }
}
