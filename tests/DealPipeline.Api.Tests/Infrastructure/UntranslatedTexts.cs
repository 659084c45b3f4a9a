using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// Collects what the service logs as a problem text without its Chinese (<see cref="Application.Log.UntranslatedProblem"/>):
/// the contract check fails the test that received such an answer.
/// </summary>
public sealed class UntranslatedTexts : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _texts = new();

    public IReadOnlyList<string> Drain()
    {
        var drained = new List<string>();
        while (_texts.TryDequeue(out var text))
        {
            drained.Add(text);
        }

        return drained;
    }

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose()
    {
    }

    private sealed class Collector(UntranslatedTexts owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == Application.Log.UntranslatedProblemEvent && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                owner._texts.Enqueue(values.FirstOrDefault(v => v.Key == "Text").Value?.ToString() ?? formatter(state, exception));
            }
        }
    }
}
