using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Tests.Support;

/// <summary>A logger provider that keeps every entry written at Information or above, to assert what was logged.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <summary>The entries of one category (the full name of the logging type).</summary>
    public IReadOnlyList<LogEntry> Of<T>() => [.. Entries.Where(e => e.Category == typeof(T).FullName)];

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
