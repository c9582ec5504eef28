using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace AgentTrace.Domain.Formatting;

/// <summary>Builds formatted output as JSON nodes from the contract's records.</summary>
internal static class JsonNodes
{
    public static JsonObject Object<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type)!.AsObject();

    /// <summary>Moves every property of <paramref name="from"/> into <paramref name="to"/>; with <paramref name="overwrite"/> off, a name <paramref name="to"/> has already keeps its value.</summary>
    public static void Lift(JsonObject from, JsonObject to, bool overwrite)
    {
        foreach (var name in from.Select(p => p.Key).ToList())
        {
            var value = from[name];
            from.Remove(name);
            if (overwrite || !to.ContainsKey(name))
            {
                to[name] = value;
            }
        }
    }
}
