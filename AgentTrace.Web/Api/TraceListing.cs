using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.OpenApi;

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

    /// <summary>Declares the query parameters that <see cref="Read"/> reads; <c>agent_id</c> only where the path does not name the agent.</summary>
    public static RouteHandlerBuilder WithListQuery(this RouteHandlerBuilder builder, bool agentFilter)
    {
        if (agentFilter)
        {
            builder.WithQuery("agent_id", ParameterValue.Id, "Only the traces of this agent.");
        }

        return builder
            .WithQuery("user_id", ParameterValue.Id, "Only the traces of this user.")
            .WithQuery("status", ParameterValue.OneOf(WireNames.Statuses), "Only the traces in this status.")
            .WithQuery("start_time", ParameterValue.Time, "Only the traces created at or after this time (ISO 8601; UTC when no offset is given).")
            .WithQuery("end_time", ParameterValue.Time, "Only the traces created at or before this time; not before start_time.")
            .WithQuery("page", ParameterValue.Whole(1, Paging.MaxPage, 1), "The page, from 1.")
            .WithQuery("page_size", ParameterValue.Whole(1, Paging.MaxPageSize, Paging.DefaultPageSize), "How many traces a page holds.");
    }
}
