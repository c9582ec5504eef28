using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Web.Contract;

/// <summary>The JSON of the API and the hub: the contract's settings (<see cref="WireJson"/>) and its generated contexts first.</summary>
public static class ApiJson
{
    public static void Use(JsonSerializerOptions options)
    {
        WireJson.Apply(options);
        options.TypeInfoResolverChain.Insert(0, TraceJsonContext.Default);
        options.TypeInfoResolverChain.Insert(1, FormatJsonContext.Default);
        options.TypeInfoResolverChain.Insert(2, AnalysisJsonContext.Default);
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
    }
}
