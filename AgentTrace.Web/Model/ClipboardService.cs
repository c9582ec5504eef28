using Microsoft.JSInterop;
using MudBlazor;

namespace AgentTrace.Web.Model;

/// <summary>Copies text to the browser's clipboard and says so.</summary>
public sealed class ClipboardService(IJSRuntime js, ISnackbar snackbar)
{
    public async Task CopyAsync(string text, string what)
    {
        await js.InvokeVoidAsync("agentTrace.copyText", text);
        snackbar.Add($"Copied {what}", Severity.Success);
    }
}
