using System.Globalization;
using System.Text;

namespace AgentTrace.Domain.Serialization;

/// <summary>Follows a forward read of a JSON document and names where it is: <c>$.events[2].tool.arguments</c>.</summary>
internal sealed class JsonPathTracker(string root)
{
    private readonly List<(bool IsArray, int Index, string? Name)> _frames = [];

    /// <summary>The path of the value (or property name) read last.</summary>
    public string Current
    {
        get
        {
            var path = new StringBuilder(root);
            foreach (var (isArray, index, name) in _frames)
            {
                _ = isArray ? path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']') : path.Append('.').Append(name);
            }

            return path.ToString();
        }
    }

    /// <summary>A value starts: in an array it is the next item.</summary>
    public void Value()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            _frames[^1] = _frames[^1] with { Index = _frames[^1].Index + 1 };
        }
    }

    /// <summary>A property of the current object starts.</summary>
    public void Property(string name) => _frames[^1] = _frames[^1] with { Name = name };

    public void Open(bool isArray) => _frames.Add((isArray, -1, null));

    public void Close() => _frames.RemoveAt(_frames.Count - 1);
}
