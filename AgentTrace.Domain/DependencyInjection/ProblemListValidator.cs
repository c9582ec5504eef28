using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.DependencyInjection;

/// <summary>Validates options by listing every problem at once, so one start-up names every bad key.</summary>
internal sealed class ProblemListValidator<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var found = problems(options).ToList();
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
