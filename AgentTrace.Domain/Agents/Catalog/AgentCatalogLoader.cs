using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Catalog;

/// <summary>Loads the agents folder when the host starts; an invalid folder stops start-up with every problem.</summary>
internal sealed class AgentCatalogLoader(AgentCatalog catalog, IOptions<AgentsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.LoadFolder(options.Value.AgentsFolder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
