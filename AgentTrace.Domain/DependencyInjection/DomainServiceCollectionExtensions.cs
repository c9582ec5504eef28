using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Analysis.Rules;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.DependencyInjection;

public static class DomainServiceCollectionExtensions
{
    /// <summary>Registers recording, storage, formatting and analysis, with options bound from configuration.</summary>
    public static IServiceCollection AddAgentTraceDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<RecorderOptions>(RecorderOptions.Section, o => o.Problems());
        services.AddValidatedOptions<RedactionOptions>(RedactionOptions.Section, o => o.Problems());
        services.AddValidatedOptions<AnalysisOptions>(AnalysisOptions.Section, o => o.Problems());

        services.AddTraceStorage();
        services.TryAddSingleton<ITraceReader>(sp => sp.GetRequiredService<ITraceStore>());
        services.TryAddSingleton<ITraceWriter>(sp => sp.GetRequiredService<ITraceStore>());

        services.AddSingleton<Redactor>();
        services.AddSingleton<EventSanitizer>();
        services.AddSingleton<TraceCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<TraceCollector>());
        services.AddSingleton<TraceRecorder>();

        services.AddSingleton<StreamingTraceFormatter>();
        services.AddSingleton<CompactTraceFormatter>();
        services.AddSingleton<DetailedTraceFormatter>();
        services.AddSingleton<RagflowTraceFormatter>();
        services.AddSingleton<TraceFormatter>();
        services.AddSingleton(sp => new TraceAnalyzer(sp.GetRequiredService<IOptions<AnalysisOptions>>(), RecommendationRules.All));
        services.AddAgentTraceAgents();
        return services;
    }

    /// <summary>Binds options to a configuration section and checks them when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Func<TOptions, IEnumerable<string>> problems)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new ProblemListValidator<TOptions>(problems));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
