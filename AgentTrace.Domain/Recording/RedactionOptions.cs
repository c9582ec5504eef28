using System.Text.RegularExpressions;

namespace AgentTrace.Domain.Recording;

/// <summary>Extra redaction rules (<c>AgentTrace:Redaction</c>), on top of the built-in ones.</summary>
public sealed class RedactionOptions
{
    public const string Section = "AgentTrace:Redaction";

    /// <summary>More key names whose values are always redacted (compared without case, <c>_</c> or <c>-</c>).</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>More regular expressions; every match in any recorded text becomes <c>[REDACTED]</c>.</summary>
    public List<string> Patterns { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Patterns.Count; i++)
        {
            string? problem = null;
            try
            {
                _ = new Regex(Patterns[i], RegexOptions.None, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException ex)
            {
                problem = $"{Section}:Patterns:{i} is not a valid regular expression: {ex.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }
}
