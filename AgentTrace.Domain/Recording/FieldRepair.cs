using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Makes a recorded field storable whatever the producer sent: text that is not valid Unicode gets U+FFFD, a number
/// that is not finite is left out. Each changed field's path is noted, as a cut one is.
/// </summary>
internal static class FieldRepair
{
    public static string? Text(string? value, FieldPath path, ref List<string>? changed)
    {
        if (value is null)
        {
            return null;
        }

        var repaired = WellFormedText.Repair(value);
        if (!ReferenceEquals(repaired, value))
        {
            (changed ??= []).Add(path.ToString());
        }

        return repaired;
    }

    public static double? Number(double? value, FieldPath path, ref List<string>? changed)
    {
        if (value is not { } number || double.IsFinite(number))
        {
            return value;
        }

        (changed ??= []).Add(path.ToString());
        return null;
    }

    public static IReadOnlyList<string>? Texts(IReadOnlyList<string>? values, string path, ref List<string>? changed)
    {
        if (values is null || values.All(v => WellFormedText.IsWellFormed(v)))
        {
            return values;
        }

        var repaired = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            repaired.Add(Text(values[i], new FieldPath(path, i), ref changed)!);
        }

        return repaired;
    }
}
