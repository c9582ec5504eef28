using System.Threading.RateLimiting;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Web.Api.Sse;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Configuration;
using AgentTrace.Web.Contract;
using AgentTrace.Web.Hubs;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>Registers the API: JSON contract, API-key and dashboard-cookie authentication, roles, limits, OpenAPI, health, the hub.</summary>
    public static IServiceCollection AddAgentTraceWeb(this IServiceCollection services)
    {
        services.AddValidatedOptions<ServerOptions>(ServerOptions.Section, o => o.Problems());
        services.AddValidatedOptions<LimitsOptions>(LimitsOptions.Section, o => o.Problems());
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section, o => o.Problems());
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<LimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes);

        services.ConfigureHttpJsonOptions(o => ApiJson.Use(o.SerializerOptions));
        services.AddSingleton<FirstStartKey>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<StreamSlots>();
        services.AddAuthentication(DashboardAuthentication.SelectingScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddDashboardCookie();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.CanRead, p => p.RequireRole(ApiRoles.AtLeast(ApiRole.Reader)))
            .AddPolicy(ApiRoles.CanWrite, p => p.RequireRole(ApiRoles.AtLeast(ApiRole.Writer)))
            .AddPolicy(ApiRoles.CanAdminister, p => p.RequireRole(ApiRoles.AtLeast(ApiRole.Admin)));
        services.AddRateLimiter(ConfigureRateLimits);
        services.AddProblemDetails();
        services.AddAgentTraceOpenApi();
        services.AddAgentTraceHealth();
        services.AddTraceHub();
        return services;
    }

    private static void ConfigureRateLimits(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var key = context.User.KeyName();
            if (key.Length == 0)
            {
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            var perMinute = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        options.OnRejected = (rejected, cancellationToken) =>
        {
            var perMinute = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RequestsPerMinute;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return new ValueTask(ApiResults.WriteErrorAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                $"this API key sent more than {perMinute} requests in a minute; wait for the time in Retry-After, or raise AgentTrace:Limits:RequestsPerMinute"));
        };
    }
}
