using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>A titled block of untrusted text (a prompt, a tool result), shown as text with a copy button.</summary>
public partial class TextBlock
{
    [Parameter]
    [EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>The text; nothing is shown when null.</summary>
    [Parameter]
    public string? Text { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    [Inject]
    private ClipboardService Clipboard { get; set; } = default!;

    private Task CopyAsync() => Clipboard.CopyAsync(Text ?? "", Title.ToLowerInvariant());
}
