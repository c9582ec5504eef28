using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>Checks of the fields both completion routes share; each problem names its field.</summary>
public static class CompletionInput
{
    public const int MaxQuestionChars = 32_768;
    public const int MaxInputs = 64;

    public static List<string> Problems(ICompletionRequest request)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            problems.Add("question must not be empty");
        }
        else if (request.Question.Length > MaxQuestionChars)
        {
            problems.Add($"question is {request.Question.Length} characters long; at most {MaxQuestionChars} are allowed");
        }

        foreach (var (name, value) in new[] { ("session_id", request.SessionId), ("user_id", request.UserId) })
        {
            if (value is not null && TraceIds.Problem(name, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (request.Inputs is { Count: > MaxInputs } inputs)
        {
            problems.Add($"inputs holds {inputs.Count} values; at most {MaxInputs} are allowed");
        }

        problems.AddRange((request.Inputs?.Keys ?? []).Select(name => TraceIds.Problem($"inputs name '{name}'", name)).OfType<string>());
        return problems;
    }
}
