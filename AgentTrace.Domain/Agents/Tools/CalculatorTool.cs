using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.AI;
using NCalc;
using NCalc.Exceptions;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>Evaluates an arithmetic expression with NCalc (operators, parentheses, Abs, Sqrt, Pow, Round, ...).</summary>
public sealed class CalculatorTool : IAgentTool
{
    public const string ToolName = "calculator";

    public string Name => ToolName;

    public string ToolType => "builtin";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        ToolName,
        "Evaluates an arithmetic expression and returns its value.",
        ToolArguments.Schema("""{"type":"object","properties":{"expression":{"type":"string","description":"An arithmetic expression, e.g. (12 + 7) * 3 or Sqrt(16)"}},"required":["expression"]}"""),
        returnJsonSchema: null);

    public Task<JsonElement> InvokeAsync(JsonElement arguments, CancellationToken cancellationToken = default)
    {
        var expression = ToolArguments.RequiredString(arguments, "expression");
        object? value;
        try
        {
            value = new Expression(expression, ExpressionOptions.NoCache).Evaluate(cancellationToken);
        }
        catch (NCalcException ex)
        {
            throw new ToolRefusedException($"'{expression}' is not an expression the calculator can evaluate: {ex.Message}");
        }

        var number = value switch
        {
            IConvertible convertible when value is not (string or bool) => convertible.ToDouble(CultureInfo.InvariantCulture),
            _ => throw new ToolRefusedException($"'{expression}' does not give a number"),
        };
        if (!double.IsFinite(number))
        {
            throw new ToolRefusedException($"'{expression}' has no finite value (division by zero?)");
        }

        var result = new JsonObject { ["expression"] = expression, ["result"] = number };
        return Task.FromResult(JsonSerializer.SerializeToElement(result, TraceJsonContext.Default.JsonObject));
    }
}
