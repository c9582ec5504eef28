using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>The wire names of the formats (parse them with <see cref="TraceFormatter.TryParseFormat"/>).</summary>
public static class TraceFormatNames
{
    public static IEnumerable<string> All => WireEnum<TraceFormat>.Names;

    public static string Name(this TraceFormat value) => WireEnum<TraceFormat>.Name(value);
}
