// Compiled at test time with the client that Kiota generates from /openapi/v1.json (see OpenApiDocumentTests):
// every call below goes through the generated request builders and models, so it compiles only when the document
// declares the parameters, bodies and answers it uses.
using System.Globalization;
using AgentTrace.Client;
using AgentTrace.Client.Api.V1.Traces;
using AgentTrace.Client.Api.V1.Traces.Item;
using AgentTrace.Client.Api.V1.Traces.Item.Events;
using AgentTrace.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AgentTrace.Client.Scenario;

public static class ClientScenario
{
    /// <summary>Records a run, then lists and reads it back; returns what each call answered, by name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(HttpClient http, string agentId, CancellationToken cancellationToken)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        var client = new AgentTraceClient(adapter);
        var seen = new Dictionary<string, string>();

        var created = await client.Api.V1.Traces.PostAsync(new CreateTraceRequest
        {
            AgentId = agentId,
            UserId = "client-user",
            TraceLevel = "detailed",
            Tags = ["generated-client"],
            Metadata = new UntypedObject(new Dictionary<string, UntypedNode> { ["region"] = new UntypedString("eu") }),
        }, cancellationToken: cancellationToken);
        var taskId = created!.Data!.TaskId!;
        seen["create.task_id"] = taskId;
        seen["create.status"] = Name(created.Data.Trace!.Status);

        var appended = await client.Api.V1.Traces[taskId].Events.PostAsync(new AppendEventsRequest
        {
            Events =
            [
                new TraceEvent { EventType = TraceEventType.Workflow_started, SpanId = "wf" },
                new TraceEvent { EventType = TraceEventType.Node_started, SpanId = "n1", ParentSpanId = "wf", ComponentId = "answer", ComponentName = "Answer", ComponentType = "Message" },
                new TraceEvent { EventType = TraceEventType.Node_finished, SpanId = "n1", ParentSpanId = "wf", ComponentId = "answer", ElapsedTime = 0.25 },
            ],
        }, cancellationToken: cancellationToken);
        seen["append.accepted"] = Text(appended!.Data!.Accepted);
        seen["append.last_seq"] = Text(appended.Data.LastSeq);

        var completed = await client.Api.V1.Traces[taskId].Complete.PostAsync(new CompleteTraceRequest
        {
            Status = "completed",
            Outputs = new UntypedObject(new Dictionary<string, UntypedNode> { ["content"] = new UntypedString("done") }),
        }, cancellationToken: cancellationToken);
        seen["complete.status"] = Name(completed!.Data!.Status);

        var listed = await client.Api.V1.Traces.GetAsync(request =>
        {
            request.QueryParameters.AgentId = agentId;
            request.QueryParameters.Status = GetStatusQueryParameterType.Completed;
            request.QueryParameters.PageSize = 10;
            request.QueryParameters.Page = 1;
        }, cancellationToken);
        seen["list.total"] = Text(listed!.Data!.Total);
        seen["list.task_ids"] = string.Join(",", listed.Data.Traces!.Select(t => t.TaskId));

        var trace = await client.Api.V1.Traces[taskId].GetAsync(
            request => request.QueryParameters.Format = GetFormatQueryParameterType.Compact, cancellationToken);
        var compact = ((UntypedObject)trace!.Data!).GetValue();
        seen["get.task_id"] = ((UntypedString)compact["task_id"]).GetValue()!;
        seen["get.status"] = ((UntypedString)compact["status"]).GetValue()!;
        seen["get.timeline"] = ((UntypedArray)compact["timeline"]).GetValue().Count().ToString(CultureInfo.InvariantCulture);

        var events = await client.Api.V1.Traces[taskId].Events.GetAsync(request =>
        {
            request.QueryParameters.EventTypes = [GetEvent_typesQueryParameterType.Node_started, GetEvent_typesQueryParameterType.Node_finished];
            request.QueryParameters.Limit = 10;
        }, cancellationToken);
        seen["events.types"] = string.Join(",", events!.Data!.Events!.Select(e => Name(e.EventType)));

        try
        {
            await client.Api.V1.Traces["0123456789abcdef0123456789abcdef"].GetAsync(cancellationToken: cancellationToken);
            seen["missing"] = "found";
        }
        catch (ErrorEnvelope error)
        {
            seen["missing"] = $"{error.ResponseStatusCode} {error.Code}: {error.MessageEscaped}";
        }

        return seen;
    }

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>The wire name of a generated enum value: its C# name in lower case (Node_started is node_started).</summary>
    private static string Name<T>(T? value)
        where T : struct, Enum => value?.ToString().ToLowerInvariant() ?? "null";
}
