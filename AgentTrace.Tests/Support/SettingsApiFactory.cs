namespace AgentTrace.Tests.Support;

/// <summary>The test web app with extra configuration, e.g. a Redis store.</summary>
public sealed class SettingsApiFactory(IReadOnlyDictionary<string, string?> settings) : ApiFactory(settings);
