using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentTrace.Web.Components.Controls;

/// <summary>The trace's JSON in each API format, as the API returns it, to read, copy or download.</summary>
public partial class RawTraceView
{
    private const int PreviewChars = 200_000;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private TraceFormat _format = TraceFormat.Detailed;
    private string _json = "";
    private readonly RebuildGuard _guard = new();

    [Parameter]
    [EditorRequired]
    public TraceView View { get; set; } = default!;

    [Inject]
    private TraceFormatter Formatter { get; set; } = default!;

    [Inject]
    private ClipboardService Clipboard { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    private string Preview => _json.Length > PreviewChars ? _json[..PreviewChars] : _json;

    protected override void OnParametersSet()
    {
        if (_guard.NeedsRebuild(View))
        {
            Format();
        }
    }

    private void FormatChanged(TraceFormat format)
    {
        _format = format;
        Format();
    }

    private void Format()
    {
        _json = Formatter.FormatTrace(_format, View.Session, View.Events).ToJsonString(s_indented);
    }

    private Task CopyAsync() => Clipboard.CopyAsync(_json, $"the {_format.Name()} JSON");

    private async Task DownloadAsync()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(_json));
        using var reference = new DotNetStreamReference(stream);
        await Js.InvokeVoidAsync("agentTrace.saveStream", $"trace-{View.Session.TaskId}-{_format.Name()}.json", reference);
    }
}
