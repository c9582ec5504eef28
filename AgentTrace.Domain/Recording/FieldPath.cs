using System.Globalization;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Where a recorded field is, written out only when it is needed (a field was cut or repaired), so that checking
/// the fields of list items costs no string per item: <c>retrieval.chunks[2].score</c>.
/// </summary>
internal readonly record struct FieldPath(string Name, int Index = -1, string? Field = null)
{
    public static implicit operator FieldPath(string name) => new(name);

    public override string ToString() => Index < 0
        ? Name
        : string.Create(CultureInfo.InvariantCulture, $"{Name}[{Index}]{(Field is null ? "" : "." + Field)}");
}
