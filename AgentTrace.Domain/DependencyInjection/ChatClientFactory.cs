using System.ClientModel;
using System.ClientModel.Primitives;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Llm.Offline;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentTrace.Domain.DependencyInjection;

/// <summary>Makes the configured provider's <see cref="IChatClient"/>.</summary>
internal static class ChatClientFactory
{
    public static IChatClient Create(LlmOptions options, TokenCounter tokens)
    {
        if (options.IsOffline)
        {
            return new OfflineChatClient(tokens);
        }

        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint!),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
