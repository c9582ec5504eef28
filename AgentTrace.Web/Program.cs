using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAgentTraceDomain().AddAgentTraceWeb().AddAgentTraceDashboard();

var app = builder.Build();
app.UseAgentTraceWeb();
app.MapAgentTraceApi();
app.UseAgentTraceDashboard();
app.Run();

/// <summary>The web host; public so tests can start it.</summary>
public partial class Program;
