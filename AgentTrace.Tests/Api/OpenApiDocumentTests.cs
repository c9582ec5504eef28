using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTrace.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> describes every route of the API as it really behaves: its parameters, its body and every
/// status it answers; and a client generated from it records and reads traces.
/// </summary>
public sealed partial class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string ErrorSchema = "#/components/schemas/ErrorEnvelope";
    private const string RagflowErrorSchema = "#/components/schemas/RagflowError";

    private static readonly int[] s_read = [200, 400, 401, 404, 429, 503];
    private static readonly int[] s_run = [200, 400, 401, 403, 404, 409, 413, 429, 500, 503];
    private static readonly string[] s_list = ["user_id", "status", "start_time", "end_time", "page", "page_size"];

    /// <summary>
    /// What the document must say of each route, by operation id: its query (and header) parameters, its body's schema,
    /// the statuses it answers, and whether it streams. A new route fails the test until it is described here.
    /// </summary>
    private static readonly Dictionary<string, Expected> s_expected = new()
    {
        ["ListTraces"] = new(["agent_id", .. s_list], null, [200, 400, 401, 429, 503]),
        ["ListAgentTraces"] = new(s_list, null, [200, 400, 401, 429, 503]),
        ["GetTrace"] = new(["format"], null, s_read),
        ["GetTraceEvents"] = new(["event_types", "component_id", "after_seq", "offset", "limit"], null, s_read),
        ["GetTraceSummary"] = new([], null, s_read),
        ["GetTraceAnalysis"] = new([], null, s_read),
        ["StreamTrace"] = new(["format", "after_seq", "access_token", "Last-Event-ID"], null, [200, 204, 400, 401, 404, 429, 503], EventStream: true, Json: false),
        ["DeleteTrace"] = new([], null, [200, 400, 401, 403, 404, 429, 503]),
        ["CleanupTraces"] = new([], "CleanupRequest", [200, 400, 401, 403, 413, 429, 503]),
        ["CreateTrace"] = new([], "CreateTraceRequest", [201, 400, 401, 403, 413, 429, 503]),
        ["AppendTraceEvents"] = new([], "AppendEventsRequest", [200, 400, 401, 403, 404, 409, 413, 429, 503]),
        ["CompleteTrace"] = new([], "CompleteTraceRequest", [200, 400, 401, 403, 404, 409, 413, 429, 503]),
        ["ListAgents"] = new(["page", "page_size", "orderby", "desc", "id", "title"], null, [200, 400, 401, 429, 503]),
        ["GetAgentParts"] = new([], null, [200, 401, 429, 503]),
        ["GetAgent"] = new([], null, s_read),
        ["PutAgent"] = new([], "AgentDefinition", [200, 201, 400, 401, 403, 413, 429, 503]),
        ["DeleteAgent"] = new([], null, [200, 400, 401, 403, 404, 409, 429, 503]),
        ["CompleteWithTrace"] = new([], "CompletionRequest", s_run, EventStream: true),
        ["CompleteRagflow"] = new([], "RagflowCompletionRequest", s_run, EventStream: true, Ragflow: true),
        ["CompleteRagflowChat"] = new([], "RagflowCompletionRequest", s_run, EventStream: true, Ragflow: true),
        ["CreateRagflowSession"] = new([], "RagflowSessionRequest", [200, 400, 401, 403, 404, 413, 429, 503], Ragflow: true),
        ["ListRagflowSessions"] = new(["page", "page_size", "orderby", "desc", "id", "user_id"], null, [200, 400, 401, 404, 429, 503], Ragflow: true),
        ["GetRagflowSession"] = new([], null, [200, 401, 404, 429, 503], Ragflow: true),
        ["DeleteRagflowSessions"] = new([], "RagflowSessionsDeleteRequest", [200, 400, 401, 403, 404, 413, 429, 503], Ragflow: true),
        ["DeleteRagflowSession"] = new([], null, [200, 401, 403, 404, 429, 503], Ragflow: true),
        ["CancelRun"] = new([], null, [200, 400, 401, 403, 404, 409, 429, 503]),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Document_IsServedWithoutKey_AsOpenApi31()
    {
        var (status, document) = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.Single(document.GetProperty("security").EnumerateArray());
    }

    [Fact]
    public async Task Document_DescribesEveryApiRoute_WithParametersBodyAndEveryStatus()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        var routes = ApiRoutes().ToList();
        Assert.True(routes.Count >= s_expected.Count, $"only {routes.Count} API routes were found");

        foreach (var (method, path, endpoint) in routes)
        {
            var where = $"{method} {path}";
            if (!document.GetProperty("paths").TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                problems.Add($"{where} is not in the document");
                continue;
            }

            var id = operation.TryGetProperty("operationId", out var given) ? given.GetString()! : "";
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName != id)
            {
                problems.Add($"{where}: operationId '{id}' is not the endpoint's name");
            }

            if (!s_expected.TryGetValue(id, out var expected))
            {
                problems.Add($"{where} ({id}) has no expectations in this test: add what it takes and answers");
                continue;
            }

            problems.AddRange(ParameterProblems(where, operation, endpoint.RoutePattern, expected));
            problems.AddRange(BodyProblems(where, operation, document, expected));
            problems.AddRange(ResponseProblems(where, operation, expected));
        }

        var described = routes.Select(r => r.Endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToHashSet();
        problems.AddRange(s_expected.Keys.Where(id => !described.Contains(id)).Select(id => $"{id} is expected but no route has that name"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Document_Schemas_UseTheWireNames()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var fields = schemas.EnumerateObject()
            .Where(s => s.Value.TryGetProperty("properties", out _))
            .SelectMany(s => s.Value.GetProperty("properties").EnumerateObject().Select(p => $"{s.Name}.{p.Name}"))
            .ToList();
        Assert.NotEmpty(fields);
        // RAGFlow names one field of its completion body in kebab case; the compatible route takes it as RAGFlow spells it.
        Assert.All(fields.Where(f => f != "RagflowCompletionRequest.openai-compatible"), field => Assert.Matches(SnakeCase(), field.Split('.')[1]));
        Assert.Contains("RagflowCompletionRequest.openai-compatible", fields);
        Assert.Contains("CreateTraceRequest.trace_level", fields);
        Assert.Contains("CompletionRequest.include_trace", fields);
        Assert.Contains("RagflowCompletionRequest.return_trace", fields);
        var error = schemas.GetProperty("ErrorEnvelope");
        Assert.Equal(["code", "message", "data"], error.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("null", error.GetProperty("properties").GetProperty("data").GetProperty("type").GetString());
        Assert.Equal("integer", schemas.GetProperty("TraceSession").GetProperty("properties").GetProperty("last_seq").GetProperty("type").GetString());
    }

    /// <summary>Each documented query value: one just outside what the document allows is a 400 naming it; the bounds themselves are not.</summary>
    [Fact]
    public async Task Document_QueryLimits_AreTheOnesTheApiEnforces()
    {
        var document = await DocumentAsync();
        var client = factory.ClientFor(ApiFactory.T1Admin);
        var taskId = await client.CreateTraceAsync();
        var problems = new List<string>();
        var checkedValues = 0;

        foreach (var (path, method, operation) in Operations(document).Where(o => o.Method == "get"))
        {
            var url = path.Replace("{task_id}", taskId, StringComparison.Ordinal).Replace("{agent_id}", "agent-a", StringComparison.Ordinal);
            var streams = operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _);
            foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                foreach (var (value, allowed) in Probes(parameter.GetProperty("schema")))
                {
                    if (allowed && streams)
                    {
                        continue;
                    }

                    checkedValues++;
                    var answer = await client.GetJsonAsync($"{url}?{name}={Uri.EscapeDataString(value)}");
                    var refused = answer.Status == HttpStatusCode.BadRequest && answer.Body.GetProperty("message").GetString()!.Contains(name, StringComparison.Ordinal);
                    if (refused == allowed)
                    {
                        problems.Add($"{method.ToUpperInvariant()} {path}?{name}={value}: {(int)answer.Status} {answer.Body}");
                    }
                }
            }
        }

        Assert.True(checkedValues > 20, $"only {checkedValues} values were checked");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The document states the body's type without making routing filter on Content-Type: the API still answers with its own message.</summary>
    [Fact]
    public async Task Create_WithAnotherContentType_GetsTheApisOwnMessage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/traces")
        {
            Content = new StringContent("""{"agent_id":"a"}""", Encoding.UTF8, "text/plain"),
        };

        using var response = await factory.ClientFor(ApiFactory.T1Writer).SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the body must be JSON (Content-Type: application/json), not text/plain", await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>
    /// Kiota generates a C# client from the served document; a scenario compiled against it records a trace (create,
    /// append, complete), lists it, reads it and its events, and gets a 404 as the document's error type.
    /// </summary>
    [Fact]
    public async Task GeneratedClient_RecordsListsAndReadsATrace()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        using var client = await GeneratedClient.BuildAsync(json, new Dictionary<string, string>
        {
            ["ClientScenario.cs"] = GeneratedClient.EmbeddedSource("ClientScenario.cs"),
        }, Ct);
        var agentId = $"client-{Guid.NewGuid():N}";

        var run = client.Assembly.GetType("AgentTrace.Client.Scenario.ClientScenario")!.GetMethod("RunAsync")!;
        var seen = await (Task<IReadOnlyDictionary<string, string>>)run.Invoke(null, [factory.ClientFor(ApiFactory.T1Writer), agentId, Ct])!;

        var taskId = seen["create.task_id"];
        Assert.Matches("^[0-9a-f]{32}$", taskId);
        Assert.Equal("running", seen["create.status"]);
        Assert.Equal("3", seen["append.accepted"]);
        Assert.Equal("3", seen["append.last_seq"]);
        Assert.Equal("completed", seen["complete.status"]);
        Assert.Equal("1", seen["list.total"]);
        Assert.Equal(taskId, seen["list.task_ids"]);
        Assert.Equal(taskId, seen["get.task_id"]);
        Assert.Equal("completed", seen["get.status"]);
        Assert.NotEqual("0", seen["get.timeline"]);
        Assert.Equal("node_started,node_finished", seen["events.types"]);
        Assert.Equal("404 404: trace 0123456789abcdef0123456789abcdef was not found", seen["missing"]);
        var (_, stored) = await factory.ClientFor(ApiFactory.T1Reader).GetJsonAsync($"/api/v1/traces/{taskId}?format=detailed");
        var trace = stored.GetProperty("data").GetProperty("trace");
        Assert.Equal("eu", trace.GetProperty("metadata").GetProperty("region").GetString());
        Assert.Equal("done", trace.GetProperty("outputs").GetProperty("content").GetString());
        Assert.Equal(["generated-client"], trace.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    private static IEnumerable<string> ParameterProblems(string where, JsonElement operation, RoutePattern pattern, Expected expected)
    {
        var parameters = Parameters(operation).ToList();
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString();
            if (!parameter.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
            {
                yield return $"{where}: parameter {name} has no description";
            }

            if (!parameter.TryGetProperty("schema", out var schema) || !schema.TryGetProperty("type", out _))
            {
                yield return $"{where}: parameter {name} has no typed schema";
            }
        }

        var inPath = parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        foreach (var routeValue in pattern.Parameters)
        {
            if (!inPath.Any(p => p.GetProperty("name").GetString() == routeValue.Name && p.GetProperty("required").GetBoolean()))
            {
                yield return $"{where}: path parameter {routeValue.Name} is not declared as required";
            }
        }

        var declared = parameters.Where(p => p.GetProperty("in").GetString() is "query" or "header").Select(p => p.GetProperty("name").GetString()!).ToList();
        if (!declared.Order(StringComparer.Ordinal).SequenceEqual(expected.Query.Order(StringComparer.Ordinal)))
        {
            yield return $"{where}: query and header parameters are [{string.Join(", ", declared)}], expected [{string.Join(", ", expected.Query)}]";
        }
    }

    private static IEnumerable<string> BodyProblems(string where, JsonElement operation, JsonElement document, Expected expected)
    {
        var hasBody = operation.TryGetProperty("requestBody", out var body);
        if (expected.Body is null)
        {
            if (hasBody)
            {
                yield return $"{where}: takes no body but the document declares one";
            }

            yield break;
        }

        if (!hasBody || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            yield return $"{where}: its JSON body ({expected.Body}) is not declared";
            yield break;
        }

        if (!body.TryGetProperty("required", out var required) || !required.GetBoolean())
        {
            yield return $"{where}: its body is not marked required";
        }

        var reference = json.GetProperty("schema").TryGetProperty("$ref", out var r) ? r.GetString() : null;
        if (reference != $"#/components/schemas/{expected.Body}")
        {
            yield return $"{where}: body schema is {reference ?? "inline"}, expected {expected.Body}";
        }
        else if (!document.GetProperty("components").GetProperty("schemas").GetProperty(expected.Body).TryGetProperty("properties", out _))
        {
            yield return $"{where}: schema {expected.Body} has no properties";
        }
    }

    private static IEnumerable<string> ResponseProblems(string where, JsonElement operation, Expected expected)
    {
        var responses = operation.GetProperty("responses").EnumerateObject().ToList();
        var statuses = responses.Select(r => int.Parse(r.Name, CultureInfo.InvariantCulture)).Order().ToList();
        if (!statuses.SequenceEqual(expected.Statuses))
        {
            yield return $"{where}: answers [{string.Join(", ", statuses)}], expected [{string.Join(", ", expected.Statuses)}]";
        }

        foreach (var response in responses)
        {
            var status = int.Parse(response.Name, CultureInfo.InvariantCulture);
            var content = response.Value.TryGetProperty("content", out var c) ? c : default;
            if (string.IsNullOrWhiteSpace(response.Value.GetProperty("description").GetString()))
            {
                yield return $"{where}: {status} has no description";
            }

            if (status == 204)
            {
                if (content.ValueKind == JsonValueKind.Object)
                {
                    yield return $"{where}: 204 has content";
                }

                continue;
            }

            if (content.ValueKind != JsonValueKind.Object)
            {
                yield return $"{where}: {status} has no content";
                continue;
            }

            var hasJson = content.TryGetProperty("application/json", out var json);
            var reference = hasJson && json.GetProperty("schema").TryGetProperty("$ref", out var r) ? r.GetString() : null;
            // A RAGFlow route refuses in RAGFlow's envelope; the pipeline's refusals before it (401, 413, ...) keep the API's.
            if (status >= 400 && reference != ErrorSchema && !(expected.Ragflow && reference == RagflowErrorSchema))
            {
                yield return $"{where}: {status} is not an error envelope ({reference ?? "no JSON schema"})";
            }

            var streams = content.TryGetProperty("text/event-stream", out _);
            if (status < 300 && streams != expected.EventStream)
            {
                yield return $"{where}: {status} {(streams ? "streams" : "does not stream")} (text/event-stream)";
            }

            var envelope = reference?.StartsWith("#/components/schemas/EnvelopeOf", StringComparison.Ordinal) == true
                || reference?.StartsWith("#/components/schemas/RagflowListOf", StringComparison.Ordinal) == true;
            if (status < 300 && expected.Json != envelope)
            {
                yield return $"{where}: {status} {(expected.Json ? "is not" : "is")} a JSON envelope ({reference ?? "no JSON schema"})";
            }
        }
    }

    /// <summary>Values to try for a query parameter, and whether the API must take them.</summary>
    private static IEnumerable<(string Value, bool Allowed)> Probes(JsonElement schema)
    {
        var type = schema.GetProperty("type").GetString();
        if (type == "integer")
        {
            var min = schema.GetProperty("minimum").GetInt64();
            var max = schema.GetProperty("maximum").GetInt64();
            yield return (min.ToString(CultureInfo.InvariantCulture), true);
            if (max < long.MaxValue)
            {
                yield return (max.ToString(CultureInfo.InvariantCulture), true);
                yield return ((max + 1).ToString(CultureInfo.InvariantCulture), false);
            }

            yield return ((min - 1).ToString(CultureInfo.InvariantCulture), false);
            yield return ("twelve", false);
        }
        else if ((type == "array" ? schema.GetProperty("items") : schema).TryGetProperty("enum", out var names))
        {
            foreach (var name in names.EnumerateArray())
            {
                yield return (name.GetString()!, true);
            }

            yield return ("no-such-name", false);
        }
        else if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time")
        {
            yield return ("2026-11-25T10:00:00Z", true);
            yield return ("yesterday", false);
        }
        else if (schema.TryGetProperty("pattern", out _))
        {
            yield return ("agent-a", true);
            yield return ("a/b c", false);
            yield return (new string('a', schema.GetProperty("maxLength").GetInt32() + 1), false);
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var (status, document) = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        return document;
    }

    /// <summary>Every route endpoint of the app under <c>/api</c>, with each of its methods and its path as the document writes it.</summary>
    private IEnumerable<(string Method, string Path, RouteEndpoint Endpoint)> ApiRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (m, DocumentPath(e.RoutePattern), e)));

    private static string DocumentPath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternLiteralPart literal => literal.Content,
            _ => part.ToString(),
        }))));

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, operation.Name, operation.Value)));

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    /// <param name="Query">Its query and header parameters.</param>
    /// <param name="Body">The schema of its JSON body, if it takes one.</param>
    /// <param name="Statuses">Every status it answers.</param>
    /// <param name="EventStream">Whether its success answer may be Server-Sent Events.</param>
    /// <param name="Json">Whether its success answer may be a JSON envelope.</param>
    /// <param name="Ragflow">The route refuses in RAGFlow's error envelope (the pipeline's refusals keep the API's).</param>
    private sealed record Expected(string[] Query, string? Body, int[] Statuses, bool EventStream = false, bool Json = true, bool Ragflow = false);
}
