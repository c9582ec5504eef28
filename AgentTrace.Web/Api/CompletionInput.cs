using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>Checks of the fields both completion routes share; each problem names its field.</summary>
public static class CompletionInput
{
    public const int MaxQuestionChars = 32_768;
    public const int MaxInputs = 64;

    public static List<string> Problems(string question, string? sessionId, string? userId, IReadOnlyDictionary<string, JsonElement>? inputs)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(question))
        {
            problems.Add("question must not be empty");
        }
        else if (question.Length > MaxQuestionChars)
        {
            problems.Add($"question is {question.Length} characters long; at most {MaxQuestionChars} are allowed");
        }

        foreach (var (name, value) in new[] { ("session_id", sessionId), ("user_id", userId) })
        {
            if (value is not null && TraceIds.Problem(name, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (inputs is { Count: > MaxInputs })
        {
            problems.Add($"inputs holds {inputs.Count} values; at most {MaxInputs} are allowed");
        }

        problems.AddRange((inputs?.Keys ?? []).Select(name => TraceIds.Problem($"inputs name '{name}'", name)).OfType<string>());
        return problems;
    }
}
