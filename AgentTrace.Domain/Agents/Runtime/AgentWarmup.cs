using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Llm;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Loads the tokenizer and indexes the knowledge bases in the background once the host has started, so the first
/// agent run does not pay for them. A base that cannot be indexed is logged here and fails the runs that search it.
/// </summary>
internal sealed partial class AgentWarmup(TokenCounter tokens, KnowledgeBaseCatalog knowledge, ILogger<AgentWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            tokens.Load();
            knowledge.IndexAll();
        }
        catch (Exception ex)
        {
            LogWarmupFailed(ex);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing the agent runtime failed; runs that need the failed part will report it")]
    private partial void LogWarmupFailed(Exception exception);
}
