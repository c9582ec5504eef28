using System.Security.Claims;
using System.Text.Encodings.Web;
using AgentTrace.Web.Contract;
using AgentTrace.Web.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>, or an <c>access_token</c> query parameter on stream
/// routes and the SignalR hub (browsers' EventSource and WebSocket cannot send headers). Failures answer with the
/// API's JSON envelope.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(presented) is not { } identity)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key is not valid"));
        }

        var principal = IdentityClaims.Principal(identity, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiResults.WriteErrorAsync(Context, StatusCodes.Status401Unauthorized, PresentedKey() is null
            ? "an API key is required: send it as 'Authorization: Bearer <key>'"
            : "the API key is not valid");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResults.WriteErrorAsync(Context, StatusCodes.Status403Forbidden, $"this API key's role ({Context.User.FindFirstValue(ClaimTypes.Role)}) may not do this");

    private string? PresentedKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var takesQueryToken = Request.Path.Value?.EndsWith("/stream", StringComparison.Ordinal) == true
            || Request.Path.StartsWithSegments(TraceHub.Path, StringComparison.Ordinal);
        return takesQueryToken && Request.Query.TryGetValue("access_token", out var token) ? token.ToString() : null;
    }
}
