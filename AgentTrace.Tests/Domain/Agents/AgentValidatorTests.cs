using System.Text.Json;
using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Definitions;

namespace AgentTrace.Tests.Domain.Agents;

public sealed class AgentValidatorTests
{
    private static readonly AgentValidator s_validator = new(kb => kb == "docs", new HashSet<string> { "calculator", "current_time" });

    public static AgentDefinition Parse(string json) => JsonSerializer.Deserialize(json, AgentJsonContext.Default.AgentDefinition)!;

    [Fact]
    public void Validate_DemoShapedAgent_HasNoProblem()
    {
        var agent = Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["r"]},
              "r": {"type": "Retrieval", "knowledge_bases": ["docs"], "downstream": ["llm"]},
              "llm": {"type": "LLM", "prompt": "{r.content} {sys.query}", "downstream": ["m"]},
              "m": {"type": "Message", "content": "{llm.content}"}}}
            """);

        Assert.Empty(s_validator.Validate(agent));
    }

    [Fact]
    public void Validate_ManyMistakes_ListsEveryProblemWithComponentAndField()
    {
        var agent = Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["r", "ghost"]},
              "r": {"type": "Retrieval", "knowledge_bases": ["nope"], "top_k": 0, "downstream": ["a"]},
              "a": {"type": "Agent", "tools": ["calculator", "teleport"], "prompt": "{r.text}", "downstream": ["m"]},
              "x": {"type": "Summarize"},
              "m": {"type": "Message", "content": "{a.content}", "temperature": 1}}}
            """);

        var problems = s_validator.Validate(agent);

        Assert.Contains("component 'begin' (Begin), field 'downstream': 'ghost' is not a component of this agent", problems);
        Assert.Contains("component 'r' (Retrieval), field 'knowledge_bases': 'nope' is not a knowledge base of this server", problems);
        Assert.Contains("component 'r' (Retrieval), field 'top_k': must be from 1 to 100 (is 0)", problems);
        Assert.Contains(problems, p => p.StartsWith("component 'a' (Agent), field 'tools': 'teleport' is neither a built-in tool", StringComparison.Ordinal));
        Assert.Contains("component 'a' (Agent), field 'prompt': {r.text}: a Retrieval component has the outputs content, chunks", problems);
        Assert.Contains(problems, p => p.StartsWith("component 'x' (Summarize), field 'type': 'Summarize' is not a component type", StringComparison.Ordinal));
        Assert.Contains("component 'm' (Message), field 'temperature': does not apply to a Message component", problems);
        Assert.Contains("component 'x': no path leads to it from Begin component 'begin', so it never runs", problems);
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void Validate_CycleWithoutExit_IsAProblem()
    {
        var agent = Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["a"]},
              "a": {"type": "LLM", "downstream": ["b"]},
              "b": {"type": "LLM", "downstream": ["a"]}}}
            """);

        Assert.Equal(["components a → b → a form a cycle with no exit: add a Categorize component to it with a category that leads out of it"], s_validator.Validate(agent));
    }

    [Fact]
    public void Validate_CycleWithACategoryLeadingOut_IsValid()
    {
        var agent = Parse("""
            {"components": {
              "begin": {"type": "Begin", "downstream": ["a"]},
              "a": {"type": "LLM", "downstream": ["c"]},
              "c": {"type": "Categorize", "categories": {"again": {"to": "a"}, "done": {"to": "m"}}},
              "m": {"type": "Message", "content": "{a.content}"}}}
            """);

        Assert.Empty(s_validator.Validate(agent));
    }

    [Fact]
    public void Validate_NoBeginAndAReferenceToALaterComponent_AreProblems()
    {
        var agent = Parse("""
            {"components": {
              "m": {"type": "Message", "content": "{n.content}", "downstream": ["n"]},
              "n": {"type": "Message", "content": "{sys.nothing}"}}}
            """);

        var problems = s_validator.Validate(agent);

        Assert.Contains("components: there is no Begin component; an agent needs exactly one", problems);
        Assert.Contains("component 'm' (Message), field 'content': {n.content}: 'n' does not run before this component", problems);
        Assert.Contains("component 'n' (Message), field 'content': {sys.nothing}: sys has query, session_id, user_id", problems);
    }

    [Fact]
    public void Validate_BadWebhookTools_AreProblems()
    {
        var agent = Parse("""
            {"components": {"begin": {"type": "Begin"}},
             "tools": [
               {"name": "calculator", "url": "http://127.0.0.1/x"},
               {"name": "hook", "url": "ftp://example/x", "timeout_seconds": 0},
               {"name": "hook", "url": "http://127.0.0.1/y"}]}
            """);

        Assert.Equal(
        [
            "tools[0] ('calculator'): name is taken by a built-in tool; choose another",
            "tools[1] ('hook'): url must be an absolute http or https URL (is 'ftp://example/x')",
            "tools[1] ('hook'): timeout_seconds must be more than 0 and at most 3600 (is 0)",
            "tools[2] ('hook'): name is declared twice",
        ], s_validator.Validate(agent));
    }

    [Fact]
    public void Validate_TooManyComponents_IsAProblem()
    {
        var components = Enumerable.Range(0, AgentValidator.MaxComponents).ToDictionary(i => $"m{i}", _ => new ComponentDefinition { Type = "Message", Content = "x" });
        components["begin"] = new ComponentDefinition { Type = "Begin", Downstream = [.. components.Keys] };

        Assert.Contains("components: there are 201; an agent may have at most 200", s_validator.Validate(new AgentDefinition { Components = components }));
    }
}
