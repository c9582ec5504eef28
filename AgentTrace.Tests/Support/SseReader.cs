using System.Globalization;

namespace AgentTrace.Tests.Support;

/// <summary>One parsed Server-Sent Events frame, or a comment line (<see cref="Comment"/> set).</summary>
public sealed record SseFrame(long? Id, string? Event, string Data, string? Comment);

/// <summary>Reads Server-Sent Events frames from a response stream as they arrive.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>The next frame or comment; null at the end of the stream.</summary>
    public async Task<SseFrame?> NextAsync(CancellationToken cancellationToken)
    {
        long? id = null;
        string? type = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (id is null && type is null && data.Count == 0)
                {
                    continue;
                }

                return new SseFrame(id, type, string.Join('\n', data), null);
            }

            if (line.StartsWith(':'))
            {
                return new SseFrame(null, null, "", line[1..].Trim());
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart();
            switch (field)
            {
                case "id":
                    id = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        return null;
    }

    /// <summary>Every frame until the stream ends, comments left out.</summary>
    public async Task<List<SseFrame>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var frames = new List<SseFrame>();
        while (await NextAsync(cancellationToken) is { } frame)
        {
            if (frame.Comment is null)
            {
                frames.Add(frame);
            }
        }

        return frames;
    }

    public void Dispose() => _reader.Dispose();
}
