using AgentTrace.Web.Configuration;
using AgentTrace.Web.Contract;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Hosting;

/// <summary>
/// Refuses a body over <see cref="LimitsOptions.MaxRequestBytes"/> with a 413 before reading it, and caps bodies
/// of unknown length at the same size.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, IOptions<LimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var max = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > max)
        {
            return ApiResults.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"the request body is {context.Request.ContentLength} bytes; this server accepts at most {max} (AgentTrace:Limits:MaxRequestBytes); send less, e.g. smaller batches of events");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        return next(context);
    }
}
