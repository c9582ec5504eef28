using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>Which traces to list (newest first). Limits are checked by the caller (see <see cref="Paging"/>).</summary>
public sealed record TraceQuery
{
    public string? AgentId { get; init; }

    public string? UserId { get; init; }

    public TraceStatus? Status { get; init; }

    /// <summary>Created at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Created at or before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;

    public bool Matches(TraceSession s) =>
        (AgentId is null || string.Equals(s.AgentId, AgentId, StringComparison.Ordinal))
        && (UserId is null || string.Equals(s.UserId, UserId, StringComparison.Ordinal))
        && (Status is null || s.Status == Status)
        && (From is null || s.CreatedAt >= From)
        && (To is null || s.CreatedAt <= To);
}
