using AgentTrace.Domain.Storage;

namespace AgentTrace.Web.Api;

/// <summary>Reads the list filters and paging of the list routes.</summary>
public static class TraceListing
{
    public static (TraceQuery Query, string? Problem) Read(IQueryCollection query, string? agentIdFromPath = null)
    {
        var reader = new QueryReader(query);
        var from = reader.Time("start_time");
        var to = reader.Time("end_time");
        if (from > to)
        {
            reader.Add("start_time must not be after end_time");
        }

        var traceQuery = new TraceQuery
        {
            AgentId = agentIdFromPath ?? reader.Id("agent_id"),
            UserId = reader.Id("user_id"),
            Status = reader.Status("status"),
            From = from,
            To = to,
            Page = reader.Int("page", 1, 1, Paging.MaxPage),
            PageSize = reader.Int("page_size", Paging.DefaultPageSize, 1, Paging.MaxPageSize),
        };
        return (traceQuery, reader.Problem);
    }
}
