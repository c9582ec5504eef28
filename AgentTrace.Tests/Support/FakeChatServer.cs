using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Tests.Support;

/// <summary>
/// A real HTTP server on loopback that speaks the OpenAI Chat Completions protocol (streamed and not, with usage)
/// and answers each request with the next queued <see cref="FakeReply"/>. It also serves webhooks at
/// <c>/hooks/{name}</c> with handlers a test sets, pages at <c>GET /pages/{name}</c>, and keeps every request body it got.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _hooks = new(StringComparer.Ordinal);

    private FakeChatServer(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The Chat Completions base URL to configure as <c>AgentTrace:Llm:Endpoint</c>.</summary>
    public string Endpoint => BaseUrl + "/v1";

    public ConcurrentQueue<JsonElement> ChatRequests { get; } = new();

    public ConcurrentQueue<JsonElement> HookRequests { get; } = new();

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/hooks/{name}", server.HookAsync);
        app.MapGet("/pages/{name}", (string name) => $"page {name}");
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public FakeChatServer Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    public string HookUrl(string name) => $"{BaseUrl}/hooks/{name}";

    public void OnHook(string name, Func<HttpContext, Task> handler) => _hooks[name] = handler;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HookAsync(string name, HttpContext context)
    {
        HookRequests.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body));
        if (_hooks.TryGetValue(name, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task ChatAsync(HttpContext context)
    {
        var request = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        ChatRequests.Enqueue(request);
        var reply = _replies.TryDequeue(out var next) ? next : FakeReply.Say("(no reply queued)");
        await Task.Delay(reply.Delay, context.RequestAborted);
        if (reply.Close)
        {
            context.Abort();
            return;
        }

        if (reply.Garbage)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("<html>this is not a chat completion", context.RequestAborted);
            return;
        }

        var model = request.GetProperty("model").GetString();
        if (request.TryGetProperty("stream", out var stream) && stream.GetBoolean())
        {
            await StreamAsync(context, reply, model);
            return;
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_790_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = Message(reply, whole: true),
                ["finish_reason"] = FinishReason(reply),
            }),
        };
        if (!reply.OmitUsage)
        {
            completion["usage"] = Usage(reply);
        }

        await context.Response.WriteAsJsonAsync(completion);
    }

    private static async Task StreamAsync(HttpContext context, FakeReply reply, string? model)
    {
        context.Response.ContentType = "text/event-stream";
        var pieces = reply.Text is { } text ? text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList() : [];
        var deltas = new List<JsonObject> { new() { ["role"] = "assistant", ["content"] = "" } };
        deltas.AddRange(pieces.Select(p => new JsonObject { ["content"] = p }));
        if (reply.ToolCall is not null)
        {
            deltas.Add(Message(reply, whole: false));
        }

        foreach (var delta in deltas)
        {
            await WriteChunkAsync(context, model, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }), null);
        }

        await WriteChunkAsync(context, model, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = FinishReason(reply) }), null);
        if (!reply.OmitUsage)
        {
            await WriteChunkAsync(context, model, [], Usage(reply));
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task WriteChunkAsync(HttpContext context, string? model, JsonArray choices, JsonObject? usage)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_790_000_000,
            ["model"] = model,
            ["choices"] = choices,
        };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static JsonObject Message(FakeReply reply, bool whole)
    {
        if (reply.ToolCall is not { } call)
        {
            return new JsonObject { ["role"] = "assistant", ["content"] = reply.Text };
        }

        var toolCall = new JsonObject
        {
            ["id"] = "call_fake_1",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
        };
        if (!whole)
        {
            toolCall["index"] = 0;
        }

        return whole
            ? new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(toolCall) }
            : new JsonObject { ["tool_calls"] = new JsonArray(toolCall) };
    }

    private static string FinishReason(FakeReply reply) => reply.ToolCall is null ? "stop" : "tool_calls";

    private static JsonObject Usage(FakeReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };
}
