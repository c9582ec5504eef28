using System.Net;
using AgentTrace.Web.Auth;

namespace AgentTrace.Web.Api;

/// <summary>The page at <c>/</c>: where the API, its document and the first-start key are.</summary>
public static class HomePage
{
    public static IEndpointConventionBuilder MapHomePage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/", Render).ExcludeFromDescription();

    private static IResult Render(ApiKeyRegistry keys, FirstStartKey firstStartKey)
    {
        var keyNote = keys.UsesFirstStartKey
            ? $"No API key is configured, so an admin key for tenant <code>default</code> was made on first start and printed once in the server log. It is kept hashed in <code>{WebUtility.HtmlEncode(firstStartKey.FilePath)}</code>; delete that file and restart to make a new one."
            : "API keys come from configuration (<code>AgentTrace:Auth:Keys</code>).";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>AgentTrace</title>
            <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style>
            </head><body>
            <h1>AgentTrace</h1>
            <p>Step-by-step traces of LLM agent runs.</p>
            <ul>
            <li>API: <code>/api/v1</code> — for example <code>GET /api/v1/traces</code> with <code>Authorization: Bearer &lt;key&gt;</code>.</li>
            <li>OpenAPI document: <a href="/openapi/v1.json">/openapi/v1.json</a></li>
            <li>{{keyNote}}</li>
            </ul>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
